"""Escalation notices: the lock-screen text, quiet hours, no secret in what is stored, and no page for an
answered message (checked in the database by the activity itself)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from temporalio.testing import ActivityEnvironment

from activities.escalation import EscalationActivities, EscalationTargets, ResponsePolicy
from izer.db import outcomes, store
from izer.db.engine import init_database, make_engine, make_sessionmaker
from izer.domain import AnswerSignal, IncomingMessage
from izer.notify import NoticeFacts, render_notice, scrub
from izer.sla.quiet import QuietHours
from workflows.contracts import EscalateInput

FACTS = NoticeFacts(
    kind="breach",
    level=2,
    priority="critical",
    chat_name="Ahmet Yılmaz",
    phone_number="+905551234567",
    is_group=False,
    text="Şarj ederken bataryadan duman çıkıyor, ne yapmalıyım? " * 5,
    category="technical",
    agent="code_debugger",
    suggested_reply="Merhaba, lütfen bataryayı hemen şarjdan çıkarın.",
    link="http://localhost:8100/#message=m-1",
    overdue_seconds=12 * 60 + 5,
)


def test_the_first_line_reads_on_a_lock_screen_in_turkish_and_the_phone_is_masked() -> None:
    notice = render_notice(FACTS)
    assert notice.title == "KRİTİK · 12 dk gecikti · Ahmet Y. (+90555***4567)"
    lines = notice.body.splitlines()
    assert lines[0].startswith("“Şarj ederken") and lines[0].endswith("…”") and len(lines[0]) <= 165
    assert lines[1] == "Kategori: Teknik · Ajan: code_debugger · Seviye 2"
    assert lines[2] == "Önerilen yanıt: Merhaba, lütfen bataryayı hemen şarjdan çıkarın."
    assert lines[3] == "Aç: http://localhost:8100/#message=m-1"
    assert "5551234567" not in notice.text


def test_english_and_a_warning() -> None:
    notice = render_notice(FACTS.__class__(**{**FACTS.__dict__, "kind": "warning", "left_seconds": 180}), "en")
    assert notice.title == "CRITICAL · 3 min left · Ahmet Y. (+90555***4567)"
    assert "Category: Technical · Agent: code_debugger · Warning" in notice.body


def test_quiet_hours_cross_midnight_in_istanbul() -> None:
    quiet = QuietHours.parse("22:00-08:00", "Europe/Istanbul")
    assert quiet is not None
    night = datetime(2025, 5, 10, 21, 30, tzinfo=UTC)  # 00:30 in Istanbul
    assert quiet.release(night) == datetime(2025, 5, 11, 5, 0, tzinfo=UTC)  # 08:00 in Istanbul
    evening = datetime(2025, 5, 10, 19, 30, tzinfo=UTC)  # 22:30
    assert quiet.release(evening) == datetime(2025, 5, 11, 5, 0, tzinfo=UTC)
    assert quiet.release(datetime(2025, 5, 10, 12, 0, tzinfo=UTC)) is None
    assert QuietHours.parse("", "Europe/Istanbul") is None


def test_a_failure_line_loses_every_piece_of_the_url() -> None:
    url = "tgram://123456789:AAbbCCddEEffGG/-100200300"
    line = "Failed to send Telegram notification to -100200300 with bot 123456789:AAbbCCddEEffGG"
    assert "AAbb" not in scrub(line, url) and "123456789" not in scrub(line, url)


async def test_the_escalation_activity_pages_nobody_for_an_answered_message(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path}/izer.db")
    init_database(engine)
    sessions = make_sessionmaker(engine)
    now = datetime.now(UTC)
    message = IncomingMessage(
        message_id="m-answered", chat_time=now, phone_number="+905551234567", current_message="acil", received_at=now
    )
    with sessions() as session:
        store.record_message(session, message, workflow_id="message-m-answered", business_senders=["İzer"])
        outcomes.record_answer(session, "m-answered", AnswerSignal(answered_by="Ayşe"), now)
    posted: list[httpx.Request] = []
    transport = httpx.MockTransport(lambda request: posted.append(request) or httpx.Response(200))
    async with httpx.AsyncClient(transport=transport) as http:
        activities = EscalationActivities(
            sessions=sessions,
            http=http,
            policy=ResponsePolicy(allowed={}, wall_clock=frozenset(), calendar=None),
            targets=EscalationTargets(
                team_url="http://team/escalations",
                management_url=None,
                hub_url="http://hub",
                dashboard_url="http://d",
                temporal_ui_url="http://ui",
                namespace="default",
            ),
        )
        outcome = await ActivityEnvironment().run(
            activities.escalate,
            EscalateInput(message_id="m-answered", level=1, due_at=now - timedelta(minutes=1)),
        )
    engine.dispose()
    assert outcome.skipped == "answered" and outcome.delivered == []
    assert posted == []
