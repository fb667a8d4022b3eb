"""The store's business rules on SQLite: automatic replies, the first answer, who speaks for the business."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from izer.db import outcomes, store
from izer.db.engine import init_database, make_engine, make_sessionmaker
from izer.domain import AnswerSignal, HistoryEntry, IncomingMessage


def _message(message_id: str, at: datetime, history: list[HistoryEntry] | None = None) -> IncomingMessage:
    return IncomingMessage(
        message_id=message_id,
        chat_time=at,
        chat_name="Deniz",
        phone_number="+905551112233",
        current_message="Siparişim nerede?",
        history=history or [],
        received_at=at,
    )


@pytest.mark.parametrize(
    ("entry_type", "counts", "answered"),
    [
        ("text", False, True),
        ("bot", False, False),
        ("bot", True, True),
    ],
)
def test_an_automatic_reply_answers_only_when_configured(
    tmp_path: Path, entry_type: str, counts: bool, answered: bool
) -> None:
    engine = make_engine(f"sqlite:///{tmp_path}/izer.db")
    init_database(engine)
    sessions = make_sessionmaker(engine)
    start = datetime(2025, 5, 10, 10, 0, tzinfo=UTC)
    with sessions() as session:
        store.record_message(session, _message("first", start), workflow_id="w1", business_senders=["İzer"])
        reply = HistoryEntry(
            sender="İzer Asistan", content="Kargoda.", timestamp=start + timedelta(minutes=5), type=entry_type
        )
        result = store.record_message(
            session,
            _message("second", start + timedelta(minutes=10), [reply]),
            workflow_id="w2",
            business_senders=["İzer"],
            agent_reply_counts=counts,
        )
    assert (result.answered_in_history == ["first"]) is answered


def test_the_first_answer_is_kept(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path}/izer.db")
    init_database(engine)
    at = datetime(2025, 5, 10, 10, 0, tzinfo=UTC)
    with make_sessionmaker(engine)() as session:
        store.record_message(session, _message("m", at), workflow_id="w", business_senders=["İzer"])
        assert outcomes.record_answer(session, "m", AnswerSignal(answered_by="Ayşe"), at + timedelta(minutes=1))
        assert not outcomes.record_answer(session, "m", AnswerSignal(answered_by="Can"), at + timedelta(minutes=2))
        again = store.record_message(session, _message("m", at), workflow_id="w", business_senders=["İzer"])
    assert again.inserted is False


@pytest.mark.parametrize(
    ("sender", "business"),
    [
        ("İzer", True),
        ("izer servis", True),
        ("İZER", True),
        ("İzmir Merkez - Levent", True),
        ("İzerli Ahmet", False),
        ("Müşteri", False),
    ],
)
def test_business_senders(sender: str, business: bool) -> None:
    assert store.is_business_sender(sender, ["İzer", "İzmir Merkez"]) is business
