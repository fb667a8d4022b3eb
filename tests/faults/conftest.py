"""Fault-injection fixtures: whole stacks of real processes, always stopped, and the `faults` marker."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.faults.procstack import ProcStack, stop_all


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "faults: fault injection on the real stack as processes (select with -m faults)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The case that restarts the shared MariaDB server runs after every other test of the session."""
    items.sort(key=lambda item: bool(item.get_closest_marker("faults") and item.get_closest_marker("mariadb")))


def pytest_sessionfinish() -> None:
    stop_all()


@pytest.fixture
async def launch(tmp_path: Path) -> AsyncIterator[Callable[..., Any]]:
    """Start a ProcStack in the test's temp dir: `stack = await launch(database_url=…)`; stopped after."""
    stacks: list[ProcStack] = []

    async def start(**options: Any) -> ProcStack:
        options.setdefault("database_url", f"sqlite:///{tmp_path / 'izer.db'}")
        stack = ProcStack(tmp_path / f"stack-{len(stacks)}", **options)
        stacks.append(stack)
        return await stack.start()

    try:
        yield start
    finally:
        for stack in stacks:
            stack.stop()


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=30) as client:
        yield client
