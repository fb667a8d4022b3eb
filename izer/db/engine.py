"""Engine creation, and the database's set-up at start: created from the models (the embedded default)
or checked (where migrations own the schema)."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from izer.db.models import Base

SCHEMA_SQL = Path(__file__).resolve().parents[2] / "schema.sql"
_SEED = re.compile(r"^INSERT IGNORE INTO .*?;$", re.MULTILINE | re.DOTALL)


def make_engine(url: str) -> Engine:
    """An engine for `sqlite:///…` or `mysql+pymysql://…`, with settings suited to each."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, hide_parameters=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # hide_parameters: a database error must not carry phone numbers or message text into logs or into
    # the activity failure kept in workflow history.
    return create_engine(
        url, pool_pre_ping=True, pool_recycle=1800, pool_size=10, max_overflow=20, hide_parameters=True
    )


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def seed_statements(dialect: str) -> list[str]:
    """schema.sql's editable defaults, in the dialect at hand."""
    statements = _SEED.findall(SCHEMA_SQL.read_text(encoding="utf-8"))
    if dialect == "sqlite":
        statements = [
            s.replace("INSERT IGNORE", "INSERT OR IGNORE").replace("CURRENT_TIMESTAMP(6)", "CURRENT_TIMESTAMP")
            for s in statements
        ]
    return statements


def init_database(engine: Engine) -> None:
    """Create missing tables from the models (mirrors of schema.sql) and insert the editable defaults.

    The API and the worker may run this at the same moment on a fresh database: a table that the
    other process created between the existence check and the CREATE counts as created.
    """
    for table in Base.metadata.sorted_tables:
        try:
            table.create(engine, checkfirst=True)
        except OperationalError:
            if not inspect(engine).has_table(table.name):
                raise
    with engine.begin() as connection:
        for statement in seed_statements(engine.dialect.name):
            connection.execute(text(statement))


def prepare_database(engine: Engine, *, create: bool) -> None:
    """At start-up: create the schema (the embedded default), or, where migrations own it, only check
    that `alembic upgrade head` has run, naming what is missing."""
    if create:
        init_database(engine)
        return
    existing = set(inspect(engine).get_table_names())
    missing = [table.name for table in Base.metadata.sorted_tables if table.name not in existing]
    if missing:
        raise RuntimeError(
            f"the database lacks the tables {', '.join(missing)}: run `alembic upgrade head` first "
            "(migrations own the schema; DATABASE_AUTO_CREATE=true lets the API and the worker create it)"
        )


def ping(engine: Engine) -> None:
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))
