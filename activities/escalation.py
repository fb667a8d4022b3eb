"""Deadlines from the response-time policy, and escalations to the people who must act: JSON webhooks
(ESCALATION_WEBHOOK_URL, ESCALATION_MANAGEMENT_URL), Apprise channels (ESCALATION_TEAM_URLS,
ESCALATION_MANAGEMENT_URLS) and the agent hub. Each target's delivery is recorded in `escalations`, so a
retry sends only to the targets that have not received the notice yet."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy.orm import Session, sessionmaker
from temporalio import activity
from temporalio.exceptions import ApplicationError

from izer.db import escalations, outbound, outcomes
from izer.errors import ESCALATION_UNDELIVERED
from izer.notify import Channel, Language, Notice, NoticeFacts, Notifier, render_notice
from izer.observability import ESCALATIONS, log_stage
from izer.sla.calendar import BusinessCalendar, compute_deadline
from izer.sla.quiet import QuietHours
from workflows.contracts import Deadline, DeadlineInput, EscalateInput, EscalationOutcome

log = logging.getLogger("izer.pipeline")


@dataclass(frozen=True)
class ResponsePolicy:
    """How long each response time allows, which ones follow business hours, and management's quiet hours."""

    allowed: dict[str, timedelta]
    wall_clock: frozenset[str]
    calendar: BusinessCalendar | None
    quiet: QuietHours | None = None

    def deadline(self, params: DeadlineInput, *, pages_management: bool) -> Deadline:
        """The deadline and the whole escalation ladder; for a message that is not critical, when each level
        may page management (`pages_management`: someone in management is paged at all) in quiet hours."""
        allowed = self.allowed[params.response_time]
        calendar = None if params.response_time in self.wall_clock else self.calendar
        due_at = compute_deadline(params.received_at, allowed, calendar=calendar)
        warn_at = None
        if 0 < params.warn_at < 1:
            warn_at = compute_deadline(params.received_at, allowed * params.warn_at, calendar=calendar)
        ladder = [due_at]
        for level in range(1, params.levels):
            step = allowed * (params.growth**level)
            ladder.append(compute_deadline(ladder[-1], step, calendar=calendar))
        management_at: list[datetime | None] = []
        if self.quiet is not None and params.priority != "critical" and pages_management:
            management_at = [self.quiet.release(at) if level >= 2 else None for level, at in enumerate(ladder, start=1)]
        return Deadline(
            due_at=due_at,
            warn_at=warn_at,
            business_hours=calendar is not None,
            ladder=ladder,
            management_at=management_at if any(management_at) else [],
        )


@dataclass(frozen=True)
class Target:
    """One place a notice goes: a JSON webhook (`channel` None) or an Apprise channel."""

    name: str
    group: str
    url: str = field(repr=False)
    channel: Channel | None = None


@dataclass(frozen=True)
class EscalationTargets:
    team_url: str | None
    management_url: str | None
    hub_url: str
    dashboard_url: str
    temporal_ui_url: str
    namespace: str
    channels: tuple[Channel, ...] = ()

    @property
    def has_management(self) -> bool:
        return bool(self.management_url) or any(c.group == "management" for c in self.channels)

    def for_level(
        self, level: int, kind: str, *, include_management: bool = True, management_only: bool = False
    ) -> list[Target]:
        """A warning goes to the team; each breach to the team and the hub, and from level 2 on to
        management too (unless quiet hours hold management's page: then `management_only` releases it)."""
        team = [Target("team", "team", self.team_url)] if self.team_url else []
        team += [Target(c.name, "team", c.url, c) for c in self.channels if c.group == "team"]
        management = [Target("management", "management", self.management_url)] if self.management_url else []
        management += [Target(c.name, "management", c.url, c) for c in self.channels if c.group == "management"]
        hub = Target("agent_hub", "hub", f"{self.hub_url.rstrip('/')}/escalations")
        if management_only:
            return management
        if kind == "warning":
            return team or [hub]
        targets = list(team)
        if level >= 2 and include_management:
            targets += management
        return [*targets, hub]


class EscalationActivities:
    def __init__(
        self,
        *,
        sessions: sessionmaker[Session],
        http: httpx.AsyncClient,
        policy: ResponsePolicy,
        targets: EscalationTargets,
        notifier: Notifier | None = None,
        language: Language = "tr",
    ) -> None:
        self._sessions = sessions
        self._http = http
        self._policy = policy
        self._targets = targets
        self._notifier = notifier or Notifier()
        self._language = language

    @activity.defn
    def compute_deadline(self, params: DeadlineInput) -> Deadline:
        """The deadline and the whole escalation ladder, fixed now and recorded with the message; for a
        message that is not critical, when each level may page management if it falls in quiet hours."""
        deadline = self._policy.deadline(params, pages_management=self._targets.has_management)
        with self._sessions() as session:
            outcomes.set_status(session, params.message_id, "open", due_at=deadline.due_at)
        log_stage(
            log,
            "waiting",
            params.message_id,
            activity.info().workflow_id or "",
            f"{params.response_time} answer due {deadline.due_at.isoformat()}",
        )
        return deadline

    @activity.defn
    async def escalate(self, params: EscalateInput) -> EscalationOutcome:
        """Notify each target of this level once, all at the same time; a target already notified is
        skipped on retry, one that fails is recorded and retried by Temporal. An answered message pages
        nobody. Database work runs in a thread, so a slow database never stalls the event loop."""
        message_id = params.id
        context = await asyncio.to_thread(self._context, message_id)
        if context is None or context.answered:
            reason = "answered" if context is not None else "not stored"
            log_stage(log, "not escalated", message_id, params.workflow_id, f"level {params.level}: {reason}")
            return EscalationOutcome(level=params.level, skipped=reason)
        targets = self._targets.for_level(
            params.level,
            params.kind,
            include_management=params.include_management,
            management_only=params.management_only,
        )
        if params.kind == "breach" and not params.management_only:
            if await asyncio.to_thread(self._suppressed, params, context.phone_number):
                return EscalationOutcome(level=params.level, skipped="suppressed")
        now = datetime.now(UTC)
        payload = self._payload(params, context)
        notice = render_notice(self._facts(params, context, now), self._language)
        results = await asyncio.gather(*(self._deliver(params, target, payload, notice) for target in targets))
        delivered = [target.name for target, (ok, _) in zip(targets, results, strict=True) if ok]
        failures = [f"{target.name}: {detail}" for target, (ok, detail) in zip(targets, results, strict=True) if not ok]
        if params.kind == "breach" and not params.management_only:
            await asyncio.to_thread(self._mark_escalated, params)
        log_stage(
            log,
            "escalated" if params.kind == "breach" else "warned",
            message_id,
            params.workflow_id,
            f"level {params.level} to {', '.join(delivered) or 'nobody reached'}",
        )
        if failures:
            raise ApplicationError("escalation not delivered: " + "; ".join(failures), type=ESCALATION_UNDELIVERED)
        return EscalationOutcome(level=params.level, targets=[t.name for t in targets], delivered=delivered)

    async def _deliver(
        self, params: EscalateInput, target: Target, payload: dict[str, object], notice: Notice
    ) -> tuple[bool, str]:
        if await asyncio.to_thread(self._sent, params, target.name):
            return True, "already delivered"
        if target.channel is not None:
            ok, detail = await self._notifier.send(target.channel, notice)
        else:
            key = f"{params.workflow_id}/{params.kind}/{params.level}/{target.name}"
            ok, detail = await self._post(target.url, payload, key=key)
        await asyncio.to_thread(self._record, params, target.name, ok, detail)
        if ok:
            ESCALATIONS.labels(kind=params.kind, target=target.group).inc()
        return ok, detail

    def _context(self, message_id: str) -> outbound.EscalationContext | None:
        with self._sessions() as session:
            return outbound.escalation_context(session, message_id)

    def _suppressed(self, params: EscalateInput, phone_number: str) -> bool:
        """The chat already has an open escalation at this level: record the suppression, page nobody."""
        with self._sessions() as session:
            other = escalations.chat_escalated_elsewhere(session, params.id, phone_number, params.level)
            if other is None:
                return False
            escalations.record_escalation(
                session,
                message_id=params.id,
                level=params.level,
                kind=params.kind,
                target="suppressed",
                delivered=False,
                detail=f"chat already escalated through message {other}",
                due_at=params.due_at,
                late_by_seconds=params.late_by_seconds,
            )
            outcomes.set_status(session, params.id, "escalated", escalation_level=params.level)
        return True

    def _sent(self, params: EscalateInput, target: str) -> bool:
        with self._sessions() as session:
            return escalations.escalation_sent(session, params.id, params.level, params.kind, target)

    def _record(self, params: EscalateInput, target: str, delivered: bool, detail: str) -> None:
        with self._sessions() as session:
            escalations.record_escalation(
                session,
                message_id=params.id,
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
            outcomes.set_status(session, params.id, "escalated", escalation_level=params.level)

    async def _post(self, url: str, payload: dict[str, object], *, key: str) -> tuple[bool, str]:
        try:
            response = await self._http.post(url, json=payload, headers={"Idempotency-Key": key})
        except httpx.HTTPError as err:
            return False, f"unreachable ({type(err).__name__})"
        if response.status_code >= 300:
            return False, f"HTTP {response.status_code}"
        return True, f"HTTP {response.status_code}"

    def _link(self, message_id: str) -> str:
        return f"{self._targets.dashboard_url.rstrip('/')}/#message={message_id}"

    def _facts(self, params: EscalateInput, context: outbound.EscalationContext, now: datetime) -> NoticeFacts:
        due = context.due_at or params.due_at
        return NoticeFacts(
            kind=params.kind,
            level=params.level,
            priority=context.priority,
            chat_name=context.chat_name,
            phone_number=context.phone_number,
            is_group=context.is_group,
            text=context.text,
            category=context.category,
            agent=context.agent,
            suggested_reply=context.suggested_reply,
            link=self._link(context.message_id),
            overdue_seconds=max(0.0, (now - due).total_seconds()),
            left_seconds=max(0.0, (due - now).total_seconds()),
        )

    def _payload(self, params: EscalateInput, context: outbound.EscalationContext) -> dict[str, object]:
        """The JSON webhooks' body, unchanged since the first release."""
        targets = self._targets
        return {
            "kind": params.kind,
            "level": params.level,
            "message_id": context.message_id,
            "chat_name": context.chat_name,
            "phone_number": context.phone_number,
            "message": context.text,
            "received_at": context.received_at.isoformat(),
            "due_at": params.due_at.isoformat(),
            "late_by_seconds": round(params.late_by_seconds, 1),
            "analysis": context.analysis,
            "link": self._link(context.message_id),
            "workflow_url": (
                f"{targets.temporal_ui_url.rstrip('/')}/namespaces/{targets.namespace}/workflows/{params.workflow_id}"
            ),
        }
