"""Settings from the environment, and the store's business rules on SQLite."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError

from api import create_app
from izer.db import store
from izer.db.engine import init_database, make_engine, make_sessionmaker
from izer.domain import AnswerSignal, HistoryEntry, IncomingMessage
from izer.settings import Settings, parse_duration


@pytest.mark.parametrize(
    ("text", "seconds"), [("4s", 4), ("15m", 900), ("1h", 3600), ("2d", 172800), ("90", 90), ("1.5h", 5400)]
)
def test_durations(text: str, seconds: float) -> None:
    assert parse_duration(text) == timedelta(seconds=seconds)


def test_a_bad_duration_names_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLA_IMMEDIATE", "soon")
    with pytest.raises(ValidationError, match="sla_immediate"):
        Settings(_env_file=None)  # type: ignore[call-arg]


def test_the_original_systems_db_keys_make_the_mysql_url(monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in {"DB_HOST": "db.local", "DB_USER": "izer", "DB_PASSWORD": "p@ss:w", "DB_NAME": "wa"}.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    url = Settings(_env_file=None).sqlalchemy_url  # type: ignore[call-arg]
    assert url == "mysql+pymysql://izer:p%40ss%3Aw@db.local:3306/wa?charset=utf8mb4"
    monkeypatch.setenv("DATABASE_URL", "sqlite:///x.db")
    assert Settings(_env_file=None).sqlalchemy_url == "sqlite:///x.db"  # type: ignore[call-arg]


def test_extra_agents_come_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXTRA_AGENTS", '[{"name": "rentals", "url": "http://r", "categories": ["support"]}]')
    agents = Settings(_env_file=None).agents()  # type: ignore[call-arg]
    assert agents[0].name == "rentals" and agents[-1].name == "agent_hub"


def test_production_refuses_to_start_without_secrets(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, env="production", database_url=f"sqlite:///{tmp_path}/x.db")  # type: ignore[call-arg]
    app = create_app(settings)

    async def start() -> None:
        async with app.router.lifespan_context(app):
            pass

    with pytest.raises(RuntimeError, match="WEBHOOK_SECRET.*API_TOKEN"):
        asyncio.run(start())


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
        assert store.record_answer(session, "m", AnswerSignal(answered_by="Ayşe"), at + timedelta(minutes=1))
        assert not store.record_answer(session, "m", AnswerSignal(answered_by="Can"), at + timedelta(minutes=2))
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


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("+90 555 123 45 67", "+905551234567"),
        ("905551234567", "+905551234567"),
        ("0090-555-123-4567", "+905551234567"),
        ("(0555) 123 45 67", "05551234567"),
    ],
)
def test_phone_numbers_take_one_form(raw: str, normal: str) -> None:
    from izer.domain import normalize_phone

    assert normalize_phone(raw) == normal
