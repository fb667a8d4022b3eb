"""MariaDB shut down and started again mid-batch: activities retry, /health says 503 meanwhile and
recovers, and every message ends stored once.

This restarts the shared MariaDB server, so it runs last in the session (see conftest.py) and only
with CI=true or IZER_FAULTS_MARIADB=1; whatever happens, the server is started again afterwards."""

from __future__ import annotations

import asyncio
import os
import subprocess
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from sqlalchemy.engine import make_url

from tests.conftest import MYSQL_TEST_URL
from tests.faults.pipeline import Outcome, engine_for, http_summary, messages, send, verify, wait_routed, wait_stored

ENABLED = os.environ.get("CI") == "true" or os.environ.get("IZER_FAULTS_MARIADB") == "1"
pytestmark = [
    pytest.mark.faults,
    pytest.mark.mariadb,
    pytest.mark.skipif(
        not ENABLED, reason="restarts the shared MariaDB server: runs with CI=true or IZER_FAULTS_MARIADB=1"
    ),
]

MARIADBD = "/usr/sbin/mariadbd"
DOWN_FOR = 4.0
SERVER_TIMEOUT = 60.0


def _admin(*command: str) -> subprocess.CompletedProcess[bytes]:
    url = make_url(MYSQL_TEST_URL)
    connection = [
        "--protocol=tcp",
        "-h",
        url.host or "127.0.0.1",
        "-P",
        str(url.port or 3306),
        "-u",
        url.username or "root",
    ]
    if url.password:
        connection.append(f"--password={url.password}")
    return subprocess.run(["mysqladmin", *connection, *command], capture_output=True, timeout=SERVER_TIMEOUT)


def _running() -> bool:
    status = subprocess.run(["start-stop-daemon", "--status", "--exec", MARIADBD], capture_output=True)
    return status.returncode == 0


async def _until(condition: Callable[[], bool], what: str, timeout: float = SERVER_TIMEOUT) -> float:
    started = time.monotonic()
    while not await asyncio.to_thread(condition):
        if time.monotonic() - started > timeout:
            raise AssertionError(f"{what} did not happen within {timeout:.0f} s")
        await asyncio.sleep(0.2)
    return time.monotonic() - started


def shut_down() -> None:
    _admin("shutdown")


def start_server() -> None:
    """Start MariaDB as .ci/run does (a no-op when it runs) and wait until it answers."""
    subprocess.run(
        ["start-stop-daemon", "--start", "--oknodo", "--background", "--exec", MARIADBD],
        check=True,
        capture_output=True,
    )
    deadline = time.monotonic() + SERVER_TIMEOUT
    while _admin("status").returncode != 0:
        if time.monotonic() > deadline:
            raise AssertionError(f"MariaDB does not answer {SERVER_TIMEOUT:.0f} s after start-stop-daemon --start")
        time.sleep(0.5)


async def health(http: httpx.AsyncClient, api: str) -> int:
    try:
        return (await http.get(f"{api}/health", timeout=10)).status_code
    except httpx.HTTPError:
        return 0


async def test_mariadb_restarted_mid_batch(
    scratch_mysql_url: str, launch: Callable[..., Any], http: httpx.AsyncClient
) -> None:
    started = time.monotonic()
    try:
        stack = await launch(database_url=scratch_mysql_url)
        engine = engine_for(stack)
        bodies = messages("mariadb-restart", 30, offset=5)
        ids = [body["message_id"] for body in bodies]
        batch = asyncio.create_task(send(http, stack.api_url, bodies, concurrency=6, spacing=0.1))
        stored_at_shutdown = await wait_stored(engine, ids, 8)
        down_at = time.monotonic()
        await asyncio.to_thread(shut_down)
        await _until(lambda: not _running(), "the MariaDB shutdown")
        unhealthy_after = time.monotonic() - down_at
        health_while_down = await health(http, stack.api_url)
        await asyncio.sleep(max(0.0, DOWN_FOR - (time.monotonic() - down_at)))
        await asyncio.to_thread(start_server)
        up_at = time.monotonic()
        healthy_after = 0.0
        while (status := await health(http, stack.api_url)) != 200:
            healthy_after = time.monotonic() - up_at
            assert healthy_after < 30, f"/health still answers {status} 30 s after MariaDB is back"
            await asyncio.sleep(0.2)
        await wait_routed(stack, engine, ids, timeout=90)
        recovered = time.monotonic() - up_at
        deliveries = await batch

        outcome = Outcome("MariaDB shutdown mid-batch, started again after ~4 s", http=http_summary(deliveries))
        await verify(stack, http, engine, bodies, outcome)
        engine.dispose()
        outcome.seconds = round(time.monotonic() - started, 1)
        worker_log = stack.parts["worker"].output_since_start()
        outcome.notes += [
            f"{stored_at_shutdown} of 30 stored at the shutdown; server gone {unhealthy_after:.1f} s after "
            f"`mysqladmin shutdown`, down {up_at - down_at:.1f} s",
            f"/health {health_while_down} while down, 200 again {healthy_after:.1f} s after MariaDB answered",
            f"every message routed {recovered:.1f} s after MariaDB answered; "
            f"failed activity attempts logged by the worker: {worker_log.count('Completing activity as failed')}",
        ]
        outcome.record()
        assert health_while_down == 503
        assert all(d.final in ("200", "202") for d in deliveries.values()), outcome.http
    finally:
        await asyncio.to_thread(start_server)
