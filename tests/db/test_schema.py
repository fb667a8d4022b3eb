"""schema.sql is the source of truth: the models mirror it on MariaDB and on SQLite."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from izer.db.engine import SCHEMA_SQL, init_database, make_engine, prepare_database
from izer.db.models import Base
from izer.settings import Settings

SCHEMA = SCHEMA_SQL.read_text(encoding="utf-8")
TABLE = re.compile(r"CREATE TABLE IF NOT EXISTS (\w+) \((.*?)\n\) ENGINE", re.DOTALL)
KEYWORDS = ("PRIMARY", "UNIQUE", "KEY", "CONSTRAINT", "REFERENCES")


def schema_columns() -> dict[str, dict[str, bool]]:
    """schema.sql's tables → column → nullable, read from its text."""
    tables: dict[str, dict[str, bool]] = {}
    for name, body in TABLE.findall(SCHEMA):
        columns = {}
        for line in body.strip().splitlines():
            line = line.strip().rstrip(",")
            if not line or line.startswith(KEYWORDS) or line.startswith("--"):
                continue
            column = line.split()[0]
            columns[column] = "NOT NULL" not in line
        tables[name] = columns
    return tables


def schema_for(database: str) -> str:
    return SCHEMA.replace("whatsapp_webhook", database)


def describe(url: str) -> dict[str, Any]:
    """Tables, columns (type, nullable), unique keys, indexes and foreign keys, as the server reports them."""
    engine = create_engine(url)
    try:
        inspector = inspect(engine)
        result = {}
        for table in sorted(inspector.get_table_names()):
            result[table] = {
                "columns": {
                    c["name"]: (
                        str(c["type"]).split(" COLLATE")[0],
                        c["nullable"],
                        getattr(c["type"], "collation", None),
                    )
                    for c in inspector.get_columns(table)
                },
                "options": {
                    k: v
                    for k, v in inspector.get_table_options(table).items()
                    if k in ("mysql_collate", "mysql_charset")
                },
                "primary": inspector.get_pk_constraint(table)["constrained_columns"],
                "indexes": sorted(
                    (i["name"], tuple(i["column_names"]), bool(i["unique"])) for i in inspector.get_indexes(table)
                ),
                "foreign_keys": sorted(
                    (tuple(f["constrained_columns"]), f["referred_table"], tuple(f["referred_columns"]))
                    for f in inspector.get_foreign_keys(table)
                ),
            }
        return result
    finally:
        engine.dispose()


def test_models_have_the_tables_and_columns_of_schema_sql() -> None:
    expected = schema_columns()
    assert set(expected) == set(Base.metadata.tables)
    for name, columns in expected.items():
        table = Base.metadata.tables[name]
        assert {c.name: c.nullable for c in table.columns if not c.primary_key} == {
            k: v for k, v in columns.items() if k != "id"
        }, name


def test_embedded_sqlite_database_matches_schema_sql(tmp_path: Any) -> None:
    engine = make_engine(f"sqlite:///{tmp_path}/izer.db")
    init_database(engine)
    init_database(engine)  # a second start changes nothing
    inspector = inspect(engine)
    for name, columns in schema_columns().items():
        reflected = {c["name"]: c["nullable"] for c in inspector.get_columns(name)}
        assert {k: v for k, v in reflected.items() if k != "id"} == {k: v for k, v in columns.items() if k != "id"}
        uniques = {u["name"] for u in inspector.get_unique_constraints(name)}
        assert uniques == set(re.findall(r"UNIQUE KEY (\w+)", _table_body(name)))
    with engine.connect() as connection:
        groups = connection.execute(text("SELECT group_name FROM critical_groups")).scalars().all()
    assert "İzer Yönetim" in groups and len(groups) == 6


def _table_body(name: str) -> str:
    return dict(TABLE.findall(SCHEMA))[name]


@pytest.mark.mariadb
def test_schema_sql_and_models_give_the_same_mariadb_schema(scratch_mysql_url: str) -> None:
    url = make_url(scratch_mysql_url)
    database = url.database
    assert database
    applied_name = f"{database}_sql"
    engine = create_engine(url.set(database=None))
    try:
        mysql = shutil.which("mysql") or shutil.which("mariadb")
        if mysql:  # as the original system applies it: mysql -u root < schema.sql
            subprocess.run(
                [
                    mysql,
                    "--protocol=tcp",
                    "-h",
                    url.host or "127.0.0.1",
                    "-P",
                    str(url.port or 3306),
                    "-u",
                    url.username or "root",
                    *([f"-p{url.password}"] if url.password else []),
                ],
                input=schema_for(applied_name).encode(),
                check=True,
                capture_output=True,
            )
        else:
            with engine.begin() as connection:
                for statement in filter(str.strip, re.sub(r"--.*", "", schema_for(applied_name)).split(";")):
                    connection.execute(text(statement))
        models = make_engine(scratch_mysql_url)
        init_database(models)
        models.dispose()
        from_sql = describe(url.set(database=applied_name).render_as_string(hide_password=False))
        from_models = describe(scratch_mysql_url)
        assert set(from_sql) == set(schema_columns())
        assert from_sql == from_models
        with engine.connect() as connection:
            count = connection.execute(text(f"SELECT COUNT(*) FROM {applied_name}.critical_groups")).scalar()
        assert count == 6
    finally:
        with engine.begin() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {applied_name}"))
        engine.dispose()


@pytest.mark.mariadb
def test_message_ids_compare_exactly_on_mariadb(scratch_mysql_url: str) -> None:
    """Two ids differing only in case are two messages (utf8mb4_bin), as on SQLite."""
    from datetime import UTC, datetime

    from izer.db import store
    from izer.db.engine import make_sessionmaker
    from izer.domain import IncomingMessage

    engine = make_engine(scratch_mysql_url)
    init_database(engine)
    at = datetime(2025, 5, 10, 10, 0, tzinfo=UTC)
    ids = ("wamid.HBgLabc=", "wamid.HBgLABC=")
    with make_sessionmaker(engine)() as session:
        for message_id in ids:
            message = IncomingMessage(
                message_id=message_id,
                chat_time=at,
                phone_number="+905551112233",
                current_message=message_id,
                received_at=at,
            )
            assert store.record_message(session, message, workflow_id="w", business_senders=["İzer"]).inserted
        stored = [store.load_message(session, message_id) for message_id in ids]
    engine.dispose()
    assert [m.current_message for m in stored if m] == list(ids)


def test_where_migrations_own_the_schema_a_start_checks_it_and_creates_nothing(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    with pytest.raises(RuntimeError, match="alembic upgrade head"):
        prepare_database(engine, create=False)
    assert inspect(engine).get_table_names() == []
    prepare_database(engine, create=True)
    prepare_database(engine, create=False)
    assert set(inspect(engine).get_table_names()) >= {"webhook_messages", "escalations"}
    engine.dispose()


def test_production_leaves_the_schema_to_migrations() -> None:
    assert Settings(_env_file=None, env="production").creates_schema is False  # type: ignore[call-arg]
    assert Settings(_env_file=None, env="development").creates_schema is True  # type: ignore[call-arg]
    assert Settings(_env_file=None, env="production", database_auto_create=True).creates_schema is True  # type: ignore[call-arg]
