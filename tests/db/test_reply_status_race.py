"""Meta's `sent` status can reach the webhook before the reply activity records Meta's answer: whichever
commits first, the reply ends `sent` with its wamid, never back at `accepted`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from izer.db import outbound, store
from izer.db.engine import init_database, make_engine, make_sessionmaker
from izer.db.models import WhatsAppReply
from tests.workflows.doubles import message

KEY = "key-race"
WAMID = "wamid.race"


def sessions_with_a_reply_being_sent(tmp_path: Path) -> sessionmaker[Session]:
    engine = make_engine(f"sqlite:///{tmp_path / 'izer.db'}")
    init_database(engine)
    sessions = make_sessionmaker(engine)
    incoming = message("m-race", "siparişim nerede?")
    with sessions() as session:
        store.record_message(session, incoming, workflow_id="message-m-race", business_senders=["İzer"])
        plan = outbound.begin_reply(
            session,
            message_id=incoming.message_id,
            phone_number=incoming.phone_number,
            reply_key=KEY,
            kind="text",
            body="Kargoda.",
            sent_by="Ayşe",
            confirm_window=timedelta(seconds=30),
        )
    assert plan.action == "send"
    return sessions


def sent_status(session: Session) -> None:
    outbound.apply_status(
        session,
        wamid=WAMID,
        status="sent",
        status_at=datetime.now(UTC),
        tracking=KEY,
        error_code=None,
        error_detail=None,
    )


def test_a_status_committed_while_the_answer_is_being_recorded_is_kept(tmp_path: Path) -> None:
    sessions = sessions_with_a_reply_being_sent(tmp_path)
    with sessions() as recording:
        # The recording session holds the reply as it read it (no wamid yet) when the webhook's status commits.
        seen = recording.scalars(select(WhatsAppReply).where(WhatsAppReply.reply_key == KEY)).one()
        assert seen.wamid is None
        with sessions() as webhook:
            sent_status(webhook)
        view = outbound.finish_reply(recording, KEY, status="accepted", wamid=WAMID)
        del seen
    assert (view["status"], view["wamid"]) == ("sent", WAMID)


def test_an_answer_recorded_first_is_moved_on_by_the_status(tmp_path: Path) -> None:
    sessions = sessions_with_a_reply_being_sent(tmp_path)
    with sessions() as recording:
        assert outbound.finish_reply(recording, KEY, status="accepted", wamid=WAMID)["status"] == "accepted"
    with sessions() as webhook:
        sent_status(webhook)
    with sessions() as reading:
        row = reading.scalars(select(WhatsAppReply).where(WhatsAppReply.reply_key == KEY)).one()
    assert (row.status, row.wamid) == ("sent", WAMID)
