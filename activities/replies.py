"""A person's reply to the customer, sent through the WhatsApp Cloud API at most once.

The guard: a row keyed by the caller's reply key is written before the send, and Meta's wamid on it as
soon as Meta accepted. A retry that finds the wamid sends nothing. A retry that finds the row still
"sending" (the worker died, or the record failed, after the POST) cannot know whether Meta got it: it
waits up to `confirm_window` for the status webhook, which carries the reply key back
(`biz_opaque_callback_data`) and records the wamid; only then does it send again."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session, sessionmaker
from temporalio import activity
from temporalio.exceptions import ApplicationError

from izer.db import outbound
from izer.errors import GRAPH_UNAVAILABLE, REPLY_NOT_POSSIBLE, REPLY_UNCONFIRMED
from izer.observability import log_stage
from izer.whatsapp_cloud import CloudAPI, GraphUnreachable, SendResult
from workflows.contracts import ReplyOutcome, SendReplyInput

log = logging.getLogger("izer.pipeline")


class ReplyActivities:
    def __init__(
        self,
        *,
        sessions: sessionmaker[Session],
        cloud: CloudAPI | None,
        template: str | None,
        template_language: str = "tr",
        confirm_window: timedelta = timedelta(seconds=60),
    ) -> None:
        self._sessions = sessions
        self._cloud = cloud
        self._template = template
        self._template_language = template_language
        self._confirm_window = confirm_window

    @activity.defn
    async def send_reply(self, params: SendReplyInput) -> ReplyOutcome:
        """Send once; Meta's refusal is an outcome (shown to the person), not a failure to retry."""
        request = params.request
        cloud = self._cloud
        if cloud is None:
            raise ApplicationError(
                "WHATSAPP_ACCESS_TOKEN and WHATSAPP_PHONE_NUMBER_ID are not set on the worker: replies need them",
                type=REPLY_NOT_POSSIBLE,
                non_retryable=True,
            )
        target = await asyncio.to_thread(self._target, params.message_id)
        body = request.text if request.kind == "text" else f"[template {self._template}]"
        plan = await asyncio.to_thread(self._begin, params, target.phone_number, body)
        if plan.action == "done":
            return _outcome(plan.row)
        if plan.action == "wait":
            raise ApplicationError(
                "an earlier attempt may have reached Meta: waiting for its status before sending again",
                type=REPLY_UNCONFIRMED,
            )
        try:
            if request.kind == "template":
                assert self._template is not None
                result = await cloud.send_template(
                    target.phone_number, self._template, self._template_language, tracking=request.reply_key
                )
            else:
                context = params.message_id if target.source == "whatsapp" else None
                result = await cloud.send_text(
                    target.phone_number, request.text, context=context, tracking=request.reply_key
                )
        except GraphUnreachable as err:
            if not err.maybe_sent:
                await asyncio.to_thread(self._finish, request.reply_key, status="unsent", error_detail=str(err))
            raise ApplicationError(str(err), type=GRAPH_UNAVAILABLE) from None
        return await self._settle(params, result)

    async def _settle(self, params: SendReplyInput, result: SendResult) -> ReplyOutcome:
        key = params.request.reply_key
        if result.accepted:
            row = await asyncio.to_thread(self._record_accepted, key, result.wamid)
            log_stage(
                log, "replied", params.message_id, activity.info().workflow_id or "", f"by {params.request.sent_by}"
            )
            return _outcome(row)
        if result.transient:
            await asyncio.to_thread(
                self._finish, key, status="unsent", error_code=result.error_code, error_detail=result.error
            )
            raise ApplicationError(f"Meta answered {result.error_code or result.http_status}", type=GRAPH_UNAVAILABLE)
        row = await asyncio.to_thread(
            self._finish, key, status="rejected", error_code=result.error_code, error_detail=result.error
        )
        log_stage(
            log, "reply refused", params.message_id, activity.info().workflow_id or "", f"code {result.error_code}"
        )
        return _outcome(row)

    def _target(self, message_id: str) -> outbound.ReplyTarget:
        with self._sessions() as session:
            target = outbound.reply_target(session, message_id)
        if target is None:
            raise ApplicationError(f"no stored message {message_id!r}", type=REPLY_NOT_POSSIBLE, non_retryable=True)
        return target

    def _begin(self, params: SendReplyInput, phone_number: str, body: str) -> outbound.ReplyPlan:
        request = params.request
        if request.kind == "template" and not self._template:
            raise ApplicationError("WHATSAPP_REPLY_TEMPLATE is not set", type=REPLY_NOT_POSSIBLE, non_retryable=True)
        with self._sessions() as session:
            return outbound.begin_reply(
                session,
                message_id=params.message_id,
                phone_number=phone_number,
                reply_key=request.reply_key,
                kind=request.kind,
                body=body,
                sent_by=request.sent_by,
                confirm_window=self._confirm_window,
            )

    def _record_accepted(self, reply_key: str, wamid: str | None) -> dict[str, Any]:
        return self._finish(reply_key, status="accepted", wamid=wamid)

    def _finish(self, reply_key: str, **outcome: Any) -> dict[str, Any]:
        with self._sessions() as session:
            return outbound.finish_reply(session, reply_key, **outcome)


def _outcome(row: dict[str, Any]) -> ReplyOutcome:
    accepted = row["wamid"] is not None
    return ReplyOutcome(
        reply_key=row["reply_key"],
        accepted=accepted,
        status=row["status"],
        wamid=row["wamid"],
        error_code=None if accepted else row["error_code"],
        error=None if accepted else row["error"],
    )
