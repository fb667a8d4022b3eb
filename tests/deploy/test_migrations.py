"""Alembic's migrations make exactly schema.sql's schema, adopt a database made from schema.sql, and undo it all."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.engine import make_url

from izer.db.engine import SCHEMA_SQL, init_database, make_engine
from izer.db.models import Base
from tests.db.test_schema import describe, schema_for

REPO = Path(__file__).resolve().parents[2]
HEAD = "0003"  # the newest revision: every database ends there
GROUPS = "SELECT group_name, description, min_priority, active FROM critical_groups ORDER BY group_name"


def alembic_config(url: str, *, output: io.StringIO | None = None) -> Config:
    """alembic.ini with the database URL passed in, as `alembic -c alembic.ini` would read it."""
    config = Config(str(REPO / "alembic.ini"), output_buffer=output)
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.attributes["configure_logger"] = False
    return config


def schema_of(url: str) -> dict[str, Any]:
    """describe() plus what it leaves out: column defaults and auto-increment, foreign-key actions, and the
    tables' engine, charset and collation. Alembic's own bookkeeping table is not part of the schema."""
    described = describe(url)
    described.pop("alembic_version", None)
    engine = create_engine(url)
    try:
        inspector = inspect(engine)
        for table, entry in described.items():
            entry["defaults"] = {
                c["name"]: (c.get("default"), c.get("autoincrement")) for c in inspector.get_columns(table)
            }
            entry["foreign_key_actions"] = sorted(
                (f["name"], tuple(sorted(f["options"].items()))) for f in inspector.get_foreign_keys(table)
            )
            if engine.dialect.name != "sqlite":
                entry["options"] = inspector.get_table_options(table)
        return described
    finally:
        engine.dispose()


def rows(url: str, query: str) -> list[tuple[Any, ...]]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(query))]
    finally:
        engine.dispose()


def tables_of(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def differences_from_models(url: str) -> list[Any]:
    """What `alembic revision --autogenerate` would write: nothing, while the models mirror the migrations."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return list(compare_metadata(MigrationContext.configure(connection), Base.metadata))
    finally:
        engine.dispose()


def test_the_history_has_one_base_and_one_head() -> None:
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    assert script.get_bases() == ["0001"]
    assert len(script.get_heads()) == 1, "two heads: merge them (alembic merge heads)"


def test_upgrade_on_sqlite_matches_the_models_and_their_defaults(tmp_path: Path) -> None:
    migrated = f"sqlite:///{tmp_path}/migrated.db"
    command.upgrade(alembic_config(migrated), "head")
    embedded = make_engine(f"sqlite:///{tmp_path}/embedded.db")
    init_database(embedded)
    embedded.dispose()
    expected = describe(f"sqlite:///{tmp_path}/embedded.db")
    found = describe(migrated)
    assert found.pop("alembic_version")
    assert found == expected
    assert rows(migrated, GROUPS) == rows(f"sqlite:///{tmp_path}/embedded.db", GROUPS)
    assert len(rows(migrated, GROUPS)) == 6
    assert differences_from_models(migrated) == []
    assert rows(migrated, "SELECT version_num FROM alembic_version") == [(HEAD,)]


def test_downgrade_to_base_empties_a_sqlite_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/izer.db"
    config = alembic_config(url)
    command.upgrade(config, "head")
    command.downgrade(config, "base")
    assert tables_of(url) == {"alembic_version"}
    assert rows(url, "SELECT * FROM alembic_version") == []
    command.upgrade(config, "head")  # and it can be built again
    assert len(rows(url, GROUPS)) == 6


def test_offline_sql_for_mysql_has_the_mysql_types_of_schema_sql() -> None:
    output = io.StringIO()
    command.upgrade(alembic_config("mysql+pymysql://izer@mysql/whatsapp_webhook", output=output), "head", sql=True)
    sql = output.getvalue()
    schema = SCHEMA_SQL.read_text(encoding="utf-8")
    for table in re.findall(r"CREATE TABLE IF NOT EXISTS (\w+)", schema):
        assert re.search(rf"CREATE TABLE {table} \(\s*id BIGINT NOT NULL AUTO_INCREMENT,", sql), table
    assert sql.count("ENGINE=InnoDB CHARSET=utf8mb4 COLLATE utf8mb4_unicode_ci") == schema.count("ENGINE=InnoDB")
    assert sql.count("DATETIME(6)") == schema.count("DATETIME(6)")
    assert "INSERT IGNORE INTO critical_groups" in sql and "'İzer Yönetim'" in sql


@contextmanager
def sibling_database(url: str, suffix: str) -> Iterator[str]:
    """Another empty utf8mb4 database next to the scratch one, dropped afterwards."""
    parsed = make_url(url)
    name = f"{parsed.database}_{suffix}"
    server = create_engine(parsed.set(database=None))
    with server.begin() as connection:
        connection.execute(text(f"CREATE DATABASE {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"))
    try:
        yield parsed.set(database=name).render_as_string(hide_password=False)
    finally:
        with server.begin() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name}"))
        server.dispose()


def apply_schema_sql(url: str) -> None:
    """schema.sql's statements, in order, on the database the URL names."""
    parsed = make_url(url)
    assert parsed.database
    server: Engine = create_engine(parsed.set(database=None))
    try:
        with server.begin() as connection:
            for statement in filter(str.strip, re.sub(r"--.*", "", schema_for(parsed.database)).split(";")):
                connection.execute(text(statement))
    finally:
        server.dispose()


@pytest.mark.mariadb
def test_upgrade_head_gives_exactly_the_schema_of_schema_sql_and_downgrade_empties_it(
    scratch_mysql_url: str,
) -> None:
    config = alembic_config(scratch_mysql_url)
    command.upgrade(config, "head")
    with sibling_database(scratch_mysql_url, "sql") as from_sql:
        apply_schema_sql(from_sql)
        expected = schema_of(from_sql)
        assert schema_of(scratch_mysql_url) == expected
        assert rows(scratch_mysql_url, GROUPS) == rows(from_sql, GROUPS)
    assert len(expected) == len(re.findall("CREATE TABLE", SCHEMA_SQL.read_text(encoding="utf-8")))
    assert differences_from_models(scratch_mysql_url) == []

    command.downgrade(config, "base")
    assert tables_of(scratch_mysql_url) == {"alembic_version"}
    assert rows(scratch_mysql_url, "SELECT * FROM alembic_version") == []


@pytest.mark.mariadb
def test_upgrade_head_adopts_a_database_made_from_schema_sql(scratch_mysql_url: str) -> None:
    apply_schema_sql(scratch_mysql_url)
    before = schema_of(scratch_mysql_url)
    engine = create_engine(scratch_mysql_url)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO webhook_messages (message_id, chat_time, phone_number, current_message, workflow_id,"
                " received_at, created_at, updated_at) VALUES ('wamid.1', NOW(6), '+905551234567',"
                " 'Fren balatası ne zaman gelir? 🚲', 'message-wamid.1', NOW(6), NOW(6), NOW(6))"
            )
        )
    engine.dispose()

    command.upgrade(alembic_config(scratch_mysql_url), "head")

    assert schema_of(scratch_mysql_url) == before
    assert rows(scratch_mysql_url, "SELECT version_num FROM alembic_version") == [(HEAD,)]
    assert len(rows(scratch_mysql_url, GROUPS)) == 6
    assert rows(scratch_mysql_url, "SELECT current_message FROM webhook_messages") == [
        ("Fren balatası ne zaman gelir? 🚲",)
    ]
