"""Deadlines from the response-time policy, and escalations to the people who must act."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import timedelta

import httpx
from sqlalchemy.orm import Session, sessionmaker
from temporalio import activity
from temporalio.exceptions import ApplicationError

from izer.db import store
from izer.errors import ESCALATION_UNDELIVERED
from izer.observability import ESCALATIONS, log_stage
from izer.sla.calendar import BusinessCalendar, compute_deadline
from workflows.contracts import Deadline, DeadlineInput, EscalateInput, EscalationOutcome

log = logging.getLogger("izer.pipeline")


@dataclass(frozen=True)
class ResponsePolicy:
    """How long each response time allows, and which ones follow business hours."""

    allowed: dict[str, timedelta]
    wall_clock: frozenset[str]
    calendar: BusinessCalendar | None


@dataclass(frozen=True)
class EscalationTargets:
    team_url: str | None
    management_url: str | None
    hub_url: str
    dashboard_url: str
    temporal_ui_url: str
    namespace: str

    def for_level(self, level: int, kind: str) -> list[tuple[str, str]]:
        """(name, url) pairs to notify: a warning goes to the team; each breach to the team and the hub,
        and from level 2 on to management too."""
        hub = ("agent_hub", f"{self.hub_url.rstrip('/')}/escalations")
        if kind == "warning":
            return [("team", self.team_url)] if self.team_url else [hub]
        targets = [("team", self.team_url)] if self.team_url else []
        if level >= 2 and self.management_url:
            targets.append(("management", self.management_url))
        targets.append(hub)
        return targets


class EscalationActivities:
    def __init__(
        self,
        *,
        sessions: sessionmaker[Session],
        http: httpx.AsyncClient,
        policy: ResponsePolicy,
        targets: EscalationTargets,
    ) -> None:
        self._sessions = sessions
        self._http = http
        self._policy = policy
        self._targets = targets

    @activity.defn
    def compute_deadline(self, params: DeadlineInput) -> Deadline:
        """The deadline and the whole escalation ladder, fixed now and recorded with the message."""
        allowed = self._policy.allowed[params.response_time]
        calendar = None if params.response_time in self._policy.wall_clock else self._policy.calendar
        due_at = compute_deadline(params.received_at, allowed, calendar=calendar)
        warn_at = None
        if 0 < params.warn_at < 1:
            warn_at = compute_deadline(params.received_at, allowed * params.warn_at, calendar=calendar)
        ladder = [due_at]
        for level in range(1, params.levels):
            step = allowed * (params.growth**level)
            ladder.append(compute_deadline(ladder[-1], step, calendar=calendar))
        with self._sessions() as session:
            store.set_status(session, params.message_id, "open", due_at=due_at)
        log_stage(
            log,
            "waiting",
            params.message_id,
            activity.info().workflow_id or "",
            f"{params.response_time} answer due {due_at.isoformat()}",
        )
        return Deadline(due_at=due_at, warn_at=warn_at, business_hours=calendar is not None, ladder=ladder)

    @activity.defn
    async def escalate(self, params: EscalateInput) -> EscalationOutcome:
        """Notify each target of this level once; a target already notified is skipped on retry.
        Database work runs in a thread, so a slow database never stalls the worker's event loop."""
        message = params.message
        targets = self._targets.for_level(params.level, params.kind)
        if params.kind == "breach" and await asyncio.to_thread(self._suppressed, params):
            return EscalationOutcome(level=params.level, targets=[], delivered=[])
        payload = self._payload(params)
        delivered: list[str] = []
        failures: list[str] = []
        for name, url in targets:
            if await asyncio.to_thread(self._sent, params, name):
                delivered.append(name)
                continue
            ok, detail = await self._post(url, payload, key=f"{params.workflow_id}/{params.kind}/{params.level}/{name}")
            await asyncio.to_thread(self._record, params, name, ok, detail)
            if ok:
                delivered.append(name)
                ESCALATIONS.labels(kind=params.kind, target=name).inc()
            else:
                failures.append(f"{name}: {detail}")
        if params.kind == "breach":
            await asyncio.to_thread(self._mark_escalated, params)
        log_stage(
            log,
            "escalated" if params.kind == "breach" else "warned",
            message.message_id,
            params.workflow_id,
            f"level {params.level} to {', '.join(delivered) or 'nobody reached'}",
        )
        if failures:
            raise ApplicationError("escalation not delivered: " + "; ".join(failures), type=ESCALATION_UNDELIVERED)
        return EscalationOutcome(level=params.level, targets=[n for n, _ in targets], delivered=delivered)

    def _suppressed(self, params: EscalateInput) -> bool:
        """The chat already has an open escalation at this level: record the suppression, page nobody."""
        message = params.message
        with self._sessions() as session:
            other = store.chat_escalated_elsewhere(session, message.message_id, message.phone_number, params.level)
            if other is None:
                return False
            store.record_escalation(
                session,
                message_id=message.message_id,
                level=params.level,
                kind=params.kind,
                target="suppressed",
                delivered=False,
                detail=f"chat already escalated through message {other}",
                due_at=params.due_at,
                late_by_seconds=params.late_by_seconds,
            )
            store.set_status(session, message.message_id, "escalated", escalation_level=params.level)
        return True

    def _sent(self, params: EscalateInput, target: str) -> bool:
        with self._sessions() as session:
            return store.escalation_sent(session, params.message.message_id, params.level, params.kind, target)

    def _record(self, params: EscalateInput, target: str, delivered: bool, detail: str) -> None:
        with self._sessions() as session:
            store.record_escalation(
                session,
                message_id=params.message.message_id,
                level=params.level,
                kind=params.kind,
                target=target,
                delivered=delivered,
                detail=detail,
                due_at=params.due_at,
                late_by_seconds=params.late_by_seconds,
            )

    def _mark_escalated(self, params: EscalateInput) -> None:
        with self._sessions() as session:
            store.set_status(session, params.message.message_id, "escalated", escalation_level=params.level)

    async def _post(self, url: str, payload: dict[str, object], *, key: str) -> tuple[bool, str]:
        try:
            response = await self._http.post(url, json=payload, headers={"Idempotency-Key": key})
        except httpx.HTTPError as err:
            return False, f"unreachable ({type(err).__name__})"
        if response.status_code >= 300:
            return False, f"HTTP {response.status_code}"
        return True, f"HTTP {response.status_code}"

    def _payload(self, params: EscalateInput) -> dict[str, object]:
        message, analysis = params.message, params.analysis
        targets = self._targets
        return {
            "kind": params.kind,
            "level": params.level,
            "message_id": message.message_id,
            "chat_name": message.chat_name,
            "phone_number": message.phone_number,
            "message": message.current_message,
            "received_at": message.received_at.isoformat(),
            "due_at": params.due_at.isoformat(),
            "late_by_seconds": round(params.late_by_seconds, 1),
            "analysis": analysis.model_dump(
                mode="json",
                include={
                    "category",
                    "priority_level",
                    "urgency_score",
                    "sentiment",
                    "keywords",
                    "signals",
                    "recommended_response_time",
                },
            ),
            "link": f"{targets.dashboard_url.rstrip('/')}/#message={message.message_id}",
            "workflow_url": (
                f"{targets.temporal_ui_url.rstrip('/')}/namespaces/{targets.namespace}/workflows/{params.workflow_id}"
            ),
        }
