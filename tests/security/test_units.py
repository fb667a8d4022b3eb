"""Security items that need no running stack: defaults, logs, JSON limits, times, export, codec, analyzer."""

from __future__ import annotations

import asyncio
import base64
import logging
import os
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.orm import Session
from temporalio.api.common.v1 import Payload
from temporalio.testing import ActivityEnvironment

from activities.analysis import AnalysisActivities
from izer.codec import EncryptionCodec, EncryptionKeyError, parse_keys
from izer.db import store
from izer.db.engine import init_database, make_engine, make_sessionmaker
from izer.db.floors import FloorTables, PriorityFloors
from izer.db.models import CriticalGroup, ImportantCustomer
from izer.domain import HistoryEntry, IncomingMessage
from izer.errors import InputError
from izer.ingest.bridge import BridgeRequest, bounded_times, decode_json
from izer.observability import configure_logging, log_stage
from izer.settings import Settings
from izer.tools.cli import spreadsheet_safe
from izer.tools.devstack import plan
from izer.tools.supervisor import Supervisor
from izer.worker_setup import metrics_address
from workflows.contracts import AnalyzeInput

NOW = datetime(2025, 5, 10, 12, 0, tzinfo=UTC)


def key() -> str:
    return base64.b64encode(os.urandom(32)).decode()


def message(**changes: object) -> IncomingMessage:
    values: dict[str, object] = {
        "message_id": "unit-1",
        "chat_time": NOW,
        "chat_name": "VIP Customers",
        "phone_number": "+905551234567",
        "current_message": "Merhaba, fiyat alabilir miyim?",
        "received_at": NOW,
        **changes,
    }
    return IncomingMessage.model_validate(values)


def test_the_api_the_dev_stack_and_worker_metrics_bind_loopback_by_default(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("HOST", raising=False)
    settings = Settings(_env_file=None, temporal_address="127.0.0.1:1", data_dir=str(tmp_path))  # type: ignore[call-arg]
    assert settings.host == "127.0.0.1"
    supervisor = Supervisor(env={})
    plan(settings, supervisor)
    api = supervisor.parts["api"].command
    assert api[api.index("--host") + 1] == "127.0.0.1"
    assert metrics_address(settings) == "127.0.0.1:9464"
    opened = Settings(_env_file=None, host="0.0.0.0", worker_metrics_host="0.0.0.0")  # type: ignore[call-arg]
    assert metrics_address(opened) == "0.0.0.0:9464"


def test_a_newline_in_an_id_or_a_name_cannot_forge_a_log_line(tmp_path: Path) -> None:
    path = tmp_path / "izer.log"
    configure_logging(level="INFO", fmt="text", log_file=str(path))
    try:
        forged = "m1\n2025-05-10 12:00:00,000 INFO izer.pipeline: answered message=m1 by Admin"
        log_stage(logging.getLogger("izer.pipeline"), "received", forged, "message-m1", "name\r\u2028Fake")
        logging.getLogger("izer.api").warning('"%s %s" %d', "GET", "/x\nINFO forged", 404)
    finally:
        configure_logging(level="WARNING", fmt="text")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2, lines
    assert "\\n2025-05-10" in lines[0] and "\\u2028" in lines[0]


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (b"[" * 50_000 + b"]" * 50_000, "nested deeper"),
        (b'{"message_id": ' + b"9" * 5000 + b"}", "digits"),
    ],
)
def test_deep_json_and_huge_integers_are_input_errors(body: bytes, problem: str) -> None:
    with pytest.raises(InputError) as raised:
        decode_json(body)
    assert raised.value.status == 400 and problem in str(raised.value)


def test_history_times_from_the_future_are_clamped_to_chat_time_plus_skew_and_now() -> None:
    request = BridgeRequest.model_validate(
        {
            "message_id": "m",
            "chat_time": (NOW + timedelta(days=3)).isoformat(),
            "phone_number": "+905551234567",
            "current_message": "merhaba",
            "history": [
                {"sender": "İzer", "content": "cevap", "timestamp": (NOW + timedelta(days=30)).isoformat()},
                {"sender": "Ali", "content": "ok", "timestamp": (NOW - timedelta(minutes=1)).isoformat()},
            ],
        }
    )
    bounded = bounded_times(request, NOW)
    assert bounded.chat_time == NOW
    assert bounded.history[0].timestamp == NOW
    assert bounded.history[1].timestamp == NOW - timedelta(minutes=1)


def test_a_business_reply_is_never_dated_after_the_message_arrived(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'izer.db'}")
    init_database(engine)
    sessions = make_sessionmaker(engine)
    future = NOW + timedelta(days=10)
    with sessions() as session:
        store.record_message(
            session, message(message_id="open-1", is_group=False), workflow_id="w", business_senders=["İzer"]
        )
        reply = HistoryEntry(sender="İzer", content="tamam", timestamp=future)
        result = store.record_message(
            session,
            message(message_id="later", received_at=NOW + timedelta(minutes=1), history=[reply]),
            workflow_id="w2",
            business_senders=["İzer"],
        )
    engine.dispose()
    assert result.business_replied_at == NOW + timedelta(minutes=1)


def test_critical_groups_match_group_chats_only_and_important_customers_the_phone_only(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'izer.db'}")
    init_database(engine)
    with Session(engine) as session:
        session.add(
            ImportantCustomer(
                phone_number="+905321112233",
                name="VIP Customers",
                tier="dealer",
                min_priority="high",
                active=True,
                created_at=NOW.replace(tzinfo=None),
            )
        )
        session.commit()
        assert session.query(CriticalGroup).filter_by(group_name="VIP Customers").count() == 1
        assert FloorTables.read(session).floor(message(is_group=False)) == (None, None)
        assert FloorTables.read(session).floor(message(is_group=True))[1] == "critical_group"
        assert FloorTables.read(session).floor(message(chat_name="Bisiklet", phone_number="+905321112233"))[1] == (
            "important_customer:dealer"
        )
    engine.dispose()


def test_export_neutralizes_spreadsheet_formulas() -> None:
    for text in ('=HYPERLINK("http://x")', "+90555", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"):
        assert spreadsheet_safe(text) == "'" + text
    assert spreadsheet_safe("Merhaba = selam") == "Merhaba = selam"
    assert spreadsheet_safe(-3) == -3


async def test_the_codec_encrypts_with_the_first_key_and_decrypts_with_any_listed() -> None:
    old, new = key(), key()
    before = EncryptionCodec.from_setting(f"old:{old}")
    payload = Payload(metadata={"encoding": b"json/plain"}, data=b'{"current_message": "Fren tutmuyor"}')
    [sealed] = await before.encode([payload])
    assert b"Fren" not in sealed.SerializeToString() and sealed.metadata["encryption-key-id"] == b"old"
    rotated = EncryptionCodec.from_setting(f"new:{new}, old:{old}")
    assert (await rotated.decode([sealed])) == [payload]
    [resealed] = await rotated.encode([payload])
    assert resealed.metadata["encryption-key-id"] == b"new"
    plain = Payload(metadata={"encoding": b"json/plain"}, data=b"{}")
    assert (await rotated.decode([plain])) == [plain], "payloads recorded without a key pass through"
    with pytest.raises(EncryptionKeyError, match="does not list"):
        await EncryptionCodec.from_setting(new).decode([sealed])
    with pytest.raises(EncryptionKeyError, match="32"):
        parse_keys(base64.b64encode(b"short").decode())


async def test_the_rule_analyzer_runs_off_the_workers_event_loop(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from izer.analysis import rules

    threads: list[int] = []
    analyze = rules.analyze

    def recording(*args: object, **kwargs: object) -> object:
        threads.append(threading.get_ident())
        return analyze(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(rules, "analyze", recording)
    engine = make_engine(f"sqlite:///{tmp_path / 'izer.db'}")
    init_database(engine)
    activities = AnalysisActivities(
        floors=PriorityFloors(make_sessionmaker(engine)), llm=None, business_senders=["İzer"]
    )
    loop_thread = threading.get_ident()
    await ActivityEnvironment().run(activities.analyze_message, AnalyzeInput(message=message()))
    await asyncio.sleep(0)
    engine.dispose()
    assert threads and all(thread != loop_thread for thread in threads)
