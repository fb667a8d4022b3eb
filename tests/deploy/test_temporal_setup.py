"""deploy/temporal/search-attributes.sh with the real `temporal` CLI against a real (dev) server: it registers the
workflows' search attributes with their types, and a second run changes nothing."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from izer.temporal import search_attribute_kinds
from izer.tools.parts import answers

SCRIPT = Path(__file__).resolve().parents[2] / "deploy" / "temporal" / "search-attributes.sh"
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def bare_server() -> Iterator[str]:
    """A dev server with no search attributes of ours, in memory, on a free port."""
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "temporal"), "server", "start-dev", "--ip", "127.0.0.1", "--port", str(port), "--headless"]
        + ["--log-level", "error"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while not answers(f"127.0.0.1:{port}"):
            assert server.poll() is None, "the dev server exited while starting"
            assert time.monotonic() < deadline, "the dev server did not answer within 30 s"
            time.sleep(0.1)
        yield f"127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def registered(address: str) -> dict[str, str]:
    listing = subprocess.run(
        [str(BIN / "temporal"), "operator", "search-attribute", "list", "--address", address, "-o", "json"],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    ).stdout
    return dict(re.findall(r'"(Izer\w+)":\s*"INDEXED_VALUE_TYPE_(\w+)"', listing))


def test_the_script_registers_the_search_attributes_once(bare_server: str) -> None:
    env = {"PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "TEMPORAL_ADDRESS": bare_server}
    first = subprocess.run(["sh", str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60)
    assert first.returncode == 0, first.stderr
    assert first.stdout.count(") registered") == len(search_attribute_kinds())

    again = subprocess.run(["sh", str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60)
    assert again.returncode == 0, again.stderr
    assert again.stdout.count(" is registered") == len(search_attribute_kinds())

    assert registered(bare_server) == {name: kind.upper() for name, kind in search_attribute_kinds().items()}
