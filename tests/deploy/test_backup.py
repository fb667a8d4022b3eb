"""deploy/backup.sh and deploy/restore.sh, the documented path: every row comes back, Turkish text and emoji too."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from izer.db import escalations, outcomes, store
from izer.db.engine import init_database, make_engine, make_sessionmaker
from izer.domain import Analysis, HistoryEntry, IncomingMessage, RoutingResult

REPO = Path(__file__).resolve().parents[2]
BACKUP = REPO / "deploy" / "backup.sh"
RESTORE = REPO / "deploy" / "restore.sh"
SENDERS = ["İzer", "İzmir Merkez"]
T0 = datetime(2025, 3, 14, 9, 30, 15, 123456, tzinfo=UTC)

MESSAGES = [
    IncomingMessage(
        message_id="wamid.HBgMOTA1NTUxMjM0NTY3FQIAEhgg",
        chat_time=T0,
        chat_name="Ayşe Çelik 🌸",
        phone_number="+905551234567",
        current_message="Merhaba, e-bisikletimin bataryası şarj olmuyor 🔋❌ acil yardım lütfen! 🚲",
        history=[
            HistoryEntry(sender="Ayşe Çelik 🌸", content="Dün aldım, ilk günden sorun 😞", timestamp=T0),
            HistoryEntry(sender="İzer", content="Hemen bakıyoruz 🙏", timestamp=T0 + timedelta(minutes=1)),
            HistoryEntry(sender="Ayşe Çelik 🌸", content="Teşekkürler! ĞÜŞİÖÇ ğüşıöç", timestamp=None),
        ],
        received_at=T0 + timedelta(seconds=2),
        source="whatsapp",
    ),
    IncomingMessage(
        message_id="msg_bridge_0002",
        chat_time=T0 + timedelta(hours=1),
        chat_name="Bayi — İzmir Karşıyaka",
        phone_number="+905321112233",
        current_message="20 adet şehir bisikleti için fiyat teklifi rica ederiz 💼📦",
        received_at=T0 + timedelta(hours=1, seconds=1),
        is_group=True,
        media={"caption": "katalog sayfa 3 📄"},
    ),
    IncomingMessage(
        message_id="msg_bridge_0003",
        chat_time=T0 + timedelta(hours=2),
        chat_name="Mehmet",
        phone_number="+905339998877",
        current_message="Fren kolu gevşek, kaza yapacağım diye korkuyorum 😱",
        received_at=T0 + timedelta(hours=2, seconds=1),
    ),
]


def analysis_for(message: IncomingMessage, index: int) -> Analysis:
    return Analysis(
        urgency_score=9 - index,
        category=("technical", "sales", "complaint")[index],
        sentiment=("urgent", "positive", "negative")[index],
        keywords=["şarj olmuyor", "acil 🚨"] if index == 0 else ["fiyat", "teklif"],
        priority_level=("critical", "normal", "high")[index],
        action_required=True,
        recommended_response_time=("immediate", "4hours", "1hour")[index],
        analyzer="openai" if index == 0 else "rules",
        degraded=index == 2,
        signals=["time_pressure"],
        model="gpt-4o" if index == 0 else None,
        prompt_tokens=812 if index == 0 else None,
        completion_tokens=97 if index == 0 else None,
        latency_ms=1234.567891 if index == 0 else None,
    )


def routing_for(message: IncomingMessage, index: int) -> RoutingResult:
    return RoutingResult(
        success=index != 2,
        agent=("code_debugger", "business_workflow", "agent_hub")[index],
        response={"suggested_reply": f"Merhaba, talebinizi aldık 👍 ({message.chat_name})"} if index != 2 else None,
        first_choice="business_workflow" if index == 2 else None,
        fallback=index == 2,
        error="agent business_workflow answered 503" if index == 2 else None,
        idempotency_key=f"message-{message.message_id}/process",
    )


def fill(url: str) -> None:
    """A database as the pipeline leaves it, written by the pipeline's own code."""
    engine = make_engine(url)
    init_database(engine)
    sessions = make_sessionmaker(engine)
    with sessions() as session:
        for index, message in enumerate(MESSAGES):
            workflow_id = f"message-{message.message_id}"
            store.record_message(session, message, workflow_id=workflow_id, business_senders=SENDERS)
            outcomes.record_analysis(session, message.message_id, analysis_for(message, index))
            outcomes.record_routing(session, message.message_id, routing_for(message, index))
        escalations.record_escalation(
            session,
            message_id=MESSAGES[2].message_id,
            level=1,
            kind="breach",
            target="team",
            delivered=True,
            detail="Yanıt süresi aşıldı ⏰",
            due_at=T0 + timedelta(hours=3),
            late_by_seconds=12.25,
        )
    engine.dispose()


def client_env(url: str, database: str | None = None) -> dict[str, str]:
    """The scripts' connection keys (those of .env.example) for the database the URL names."""
    parsed = make_url(url)
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DB_HOST": parsed.host or "127.0.0.1",
        "DB_PORT": str(parsed.port or 3306),
        "DB_USER": parsed.username or "root",
        "DB_PASSWORD": parsed.password or "",
        "DB_NAME": database or parsed.database or "",
    }


def require_client_tools() -> None:
    missing = [tool for tool in ("mysqldump", "mysql", "gzip") if shutil.which(tool) is None]
    if missing:
        reason = f"{', '.join(missing)} not installed (Debian: mariadb-client)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"required when CI=true: {reason}")
        pytest.skip(reason)


def every_row(url: str) -> dict[str, list[tuple[Any, ...]]]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return {
                table: [tuple(row) for row in connection.execute(text(f"SELECT * FROM {table} ORDER BY id"))]
                for table in sorted(inspect(connection).get_table_names())
            }
    finally:
        engine.dispose()


def run(script: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(script), *args], env=env, capture_output=True, text=True, timeout=60)


@pytest.mark.mariadb
def test_backup_then_restore_into_an_empty_database_keeps_every_row(scratch_mysql_url: str, tmp_path: Path) -> None:
    require_client_tools()
    fill(scratch_mysql_url)
    database = make_url(scratch_mysql_url).database
    assert database

    backup = run(BACKUP, str(tmp_path / "backups"), env=client_env(scratch_mysql_url))
    assert backup.returncode == 0, backup.stderr
    dump = Path(backup.stdout.strip())
    assert dump.parent == tmp_path / "backups" and dump.name.startswith(f"{database}-")
    assert dump.name.endswith("Z.sql.gz") and not list(dump.parent.glob("*.partial"))
    assert stat.S_IMODE(dump.stat().st_mode) == 0o600, "backups hold personal data: owner-only"

    restored = f"{database}_restored"
    restored_url = make_url(scratch_mysql_url).set(database=restored).render_as_string(hide_password=False)
    server = create_engine(make_url(scratch_mysql_url).set(database=None))
    try:
        restore = run(RESTORE, str(dump), restored, env=client_env(scratch_mysql_url))
        assert restore.returncode == 0, restore.stderr

        original, copy = every_row(scratch_mysql_url), every_row(restored_url)
        assert set(copy) == set(original)
        for table in original:
            assert copy[table] == original[table], table
        counts = {table: len(original[table]) for table in original}
        assert counts["webhook_messages"] == 3 and counts["message_history"] == 3
        assert counts["analytics_results"] == 3 and counts["agent_routing"] == 3
        assert counts["escalations"] == 1 and counts["critical_groups"] == 6

        with server.connect() as connection:
            texts = connection.execute(
                text(f"SELECT message_id, chat_name, current_message FROM {restored}.webhook_messages ORDER BY id")
            ).all()
            charset = connection.execute(
                text("SELECT DEFAULT_CHARACTER_SET_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = :name"),
                {"name": restored},
            ).scalar()
        assert [tuple(row) for row in texts] == [(m.message_id, m.chat_name, m.current_message) for m in MESSAGES]
        assert charset == "utf8mb4"
    finally:
        with server.begin() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {restored}"))
        server.dispose()


@pytest.mark.mariadb
def test_restore_leaves_a_database_with_tables_alone_without_replace(scratch_mysql_url: str, tmp_path: Path) -> None:
    require_client_tools()
    fill(scratch_mysql_url)
    env = client_env(scratch_mysql_url)
    dump = Path(run(BACKUP, str(tmp_path), env=env).stdout.strip())
    engine = create_engine(scratch_mysql_url)
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM webhook_messages WHERE message_id = 'msg_bridge_0003'"))

    refused = run(RESTORE, str(dump), env=env)
    assert refused.returncode == 1 and "--replace" in refused.stderr
    with engine.connect() as connection:
        assert connection.execute(text("SELECT COUNT(*) FROM webhook_messages")).scalar() == 2

    replaced = run(RESTORE, "--replace", str(dump), env=env)
    assert replaced.returncode == 0, replaced.stderr
    with engine.connect() as connection:
        assert connection.execute(text("SELECT COUNT(*) FROM webhook_messages")).scalar() == 3
        assert connection.execute(text("SELECT COUNT(*) FROM escalations")).scalar() == 1
    engine.dispose()


def test_restore_refuses_a_truncated_backup(tmp_path: Path) -> None:
    broken = tmp_path / "whatsapp_webhook-20250101T000000Z.sql.gz"
    broken.write_bytes(b"\x1f\x8b\x08\x00 not the rest of a gzip file")
    result = run(RESTORE, str(broken), "whatsapp_webhook", env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")})
    assert result.returncode == 2 and "not a complete gzip file" in result.stderr


@pytest.mark.mariadb
def test_backup_keep_days_deletes_only_this_databases_older_backups(scratch_mysql_url: str, tmp_path: Path) -> None:
    require_client_tools()
    engine = make_engine(scratch_mysql_url)
    init_database(engine)
    engine.dispose()
    database = make_url(scratch_mysql_url).database
    month_ago = time.time() - 30 * 86400
    old, recent, other = (
        tmp_path / f"{database}-20250101T030000Z.sql.gz",
        tmp_path / f"{database}-20250125T030000Z.sql.gz",
        tmp_path / "another_database-20250101T030000Z.sql.gz",
    )
    for path, mtime in ((old, month_ago), (recent, time.time() - 86400), (other, month_ago)):
        path.write_bytes(b"")
        os.utime(path, (mtime, mtime))

    backup = run(BACKUP, str(tmp_path), env={**client_env(scratch_mysql_url), "BACKUP_KEEP_DAYS": "14"})

    assert backup.returncode == 0, backup.stderr
    assert not old.exists() and recent.exists() and other.exists()
    assert Path(backup.stdout.strip()).exists()


@pytest.mark.mariadb
def test_backup_and_restore_take_any_password(scratch_mysql_url: str, tmp_path: Path) -> None:
    """Quotes, backslashes, `#`, `;`, `$` and spaces in DB_PASSWORD reach the server as they are."""
    require_client_tools()
    fill(scratch_mysql_url)
    database = make_url(scratch_mysql_url).database
    user = f"izer_pw_{os.urandom(3).hex()}"
    password = r'a"b\\c' + "'" + r"d$e #f;g `x` \n\""  # what an option file would read as escapes too
    server = create_engine(make_url(scratch_mysql_url).set(database=None))
    with server.begin() as connection:
        connection.exec_driver_sql(f"CREATE USER '{user}'@'%%' IDENTIFIED BY %s", (password,))
        connection.exec_driver_sql(f"GRANT ALL ON *.* TO '{user}'@'%%'")
    try:
        env = {**client_env(scratch_mysql_url), "DB_USER": user, "DB_PASSWORD": password}
        backup = run(BACKUP, str(tmp_path / "backups"), env=env)
        assert backup.returncode == 0, backup.stderr
        restore = run(RESTORE, "--replace", backup.stdout.strip(), str(database), env=env)
        assert restore.returncode == 0, restore.stderr
    finally:
        with server.begin() as connection:
            connection.exec_driver_sql(f"DROP USER IF EXISTS '{user}'@'%%'")
        server.dispose()
