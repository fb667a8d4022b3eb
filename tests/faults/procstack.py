"""The real stack as separate processes on free loopback ports, for fault injection.

Each part (the Temporal dev server on a file in the run's directory, the four reference agents,
optionally the fake OpenAI server, the worker, the API) runs in its own session, so a part and
everything it started can be killed as one process group, and killed again and restarted on the
same port. Every part also gets SIGKILL when the test process dies (`setpriv --pdeathsig`), and
`stop()` (called by the fixture and again at session end) ends whatever is left.

    stack = ProcStack(tmp_path, database_url="sqlite:///…")
    await stack.start()
    stack.kill("worker")          # SIGKILL to the worker's process group
    await stack.start_part("worker")
    stack.stop()
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from temporalio.client import Client
from temporalio.contrib.pydantic import pydantic_data_converter

from izer.settings import Settings
from izer.tools.devstack import answers, dev_server_command
from tests.conftest import REPO
from tests.stack import free_port

AGENTS = ("agent_hub", "business_workflow", "code_debugger", "general_purpose")
NAMESPACE = "default"
START_TIMEOUT = 60.0
PORT_FREE_TIMEOUT = 30.0
STOP_GRACE = 3.0
WORKER_READY_LINE = "worker polling"
PYTHON = sys.executable

_LIVE: set[ProcStack] = set()


class PartFailed(AssertionError):
    """A part did not start, or did not answer in time; the message quotes the end of its log."""


@dataclass(eq=False)
class Part:
    name: str
    command: list[str]
    log: Path
    ready: Callable[[Part], Awaitable[bool]]
    port: int | None = None
    process: subprocess.Popen[bytes] | None = None
    starts: int = 0
    log_offset: int = 0

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def spawn(self, *, cwd: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
        """Start the process in its own session, its output appended to the part's log (no waiting)."""
        self.log_offset = self.log.stat().st_size if self.log.exists() else 0
        with self.log.open("ab") as log:
            log.write(f"\n===== start {self.starts + 1} of {self.name} =====\n".encode())
            log.flush()
            self.process = subprocess.Popen(
                _orphan_guard() + self.command,
                cwd=cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.starts += 1
        return self.process

    def output_since_start(self) -> str:
        if not self.log.exists():
            return ""
        with self.log.open("rb") as handle:
            handle.seek(self.log_offset)
            return handle.read().decode("utf-8", "replace")

    def tail(self, lines: int = 30) -> str:
        if not self.log.exists():
            return "(no log)"
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])


@dataclass(eq=False)
class ProcStack:
    """The whole pipeline as processes; `env` adds or overrides settings (e.g. SLA_*, OPENAI_TIMEOUT)."""

    root: Path
    database_url: str
    llm_mode: str | None = None
    env: Mapping[str, str] = field(default_factory=dict)
    parts: dict[str, Part] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "logs").mkdir(exist_ok=True)
        self.temporal_port = free_port()
        self.api_port = free_port()
        self.agent_ports = {name: free_port() for name in AGENTS}
        self.llm_port = free_port() if self.llm_mode else None
        self.task_queue = f"izer-faults-{uuid.uuid4().hex[:8]}"
        self.temporal_db = self.root / "temporal.db"
        self._environment = self._build_environment()
        self._plan()

    # --- addresses ---------------------------------------------------------------------------

    @property
    def temporal_address(self) -> str:
        return f"127.0.0.1:{self.temporal_port}"

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.api_port}"

    def agent_url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.agent_ports[name]}"

    @property
    def llm_url(self) -> str:
        assert self.llm_port is not None, "this stack runs without the fake OpenAI server"
        return f"http://127.0.0.1:{self.llm_port}"

    async def temporal_client(self) -> Client:
        """A fresh client on the stack's dev server (connect again after the server restarted)."""
        return await Client.connect(self.temporal_address, namespace=NAMESPACE, data_converter=pydantic_data_converter)

    # --- lifecycle ---------------------------------------------------------------------------

    async def start(self) -> ProcStack:
        """Start the servers, then the worker and the API, waiting until each answers; stop all on failure."""
        _LIVE.add(self)
        servers = [name for name in self.parts if name not in ("worker", "api")]
        try:
            await asyncio.gather(*(self.start_part(name) for name in servers))
            # One after the other: started together on a fresh MariaDB database, the API and the worker
            # race in init_database and one of them crashes (docs/faults.md, "bugs found").
            await self.start_part("worker")
            await self.start_part("api")
        except BaseException:
            self.stop()
            raise
        return self

    async def start_part(self, name: str, *, timeout: float = START_TIMEOUT) -> None:
        """Start one part (again) and wait until it answers, failing with its log if it does not."""
        part = self.parts[name]
        if part.running:
            raise RuntimeError(f"{name} is already running (pid {part.process.pid})")  # type: ignore[union-attr]
        if part.port is not None:
            await self._wait_port_free(part)
        process = part.spawn(cwd=self.root, env=self._environment)
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise PartFailed(
                    f"{name} exited with status {process.returncode} while starting; its log ends:\n" + part.tail()
                )
            try:
                if await part.ready(part):
                    return
            except (OSError, httpx.HTTPError, RuntimeError):
                pass
            if time.monotonic() > deadline:
                raise PartFailed(f"{name} did not answer within {timeout:.0f} s; its log ends:\n{part.tail()}")
            await asyncio.sleep(0.2)

    def kill(self, name: str, sig: signal.Signals = signal.SIGKILL) -> int | None:
        """Send `sig` to the part's process group and wait until the part has exited; its status."""
        part = self.parts[name]
        process = part.process
        if process is None or process.poll() is not None:
            return process.returncode if process else None
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            pass
        try:
            return process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            return process.wait(timeout=15)

    async def restart(self, name: str) -> None:
        """SIGKILL the part, then start it again on the same port (and the same Temporal file)."""
        self.kill(name)
        await self.start_part(name)

    def stop(self) -> None:
        """End every part: SIGTERM to each group, SIGKILL after a short grace. Safe to call twice."""
        running = [part for part in reversed(self.parts.values()) if part.running]
        for part in running:
            _signal_group(part, signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE
        for part in running:
            assert part.process is not None
            try:
                part.process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                _signal_group(part, signal.SIGKILL)
                part.process.wait(timeout=15)
            else:
                _signal_group(part, signal.SIGKILL)  # anything the part left behind in its group
        _LIVE.discard(self)

    def tail(self, name: str, lines: int = 30) -> str:
        return self.parts[name].tail(lines)

    def logs(self) -> str:
        """The end of every part's log, to attach to a failure message."""
        return "\n".join(f"--- {name} ---\n{part.tail(15)}" for name, part in self.parts.items())

    # --- the plan ----------------------------------------------------------------------------

    def _plan(self) -> None:
        logs = self.root / "logs"
        settings = Settings(_env_file=None, temporal_namespace=NAMESPACE)  # type: ignore[call-arg]
        temporal = dev_server_command(settings, port=self.temporal_port, ui_port=free_port(), db_file=self.temporal_db)
        self._add(Part("temporal", [*temporal, "--headless"], logs / "temporal.log", self._temporal_ready))
        self.parts["temporal"].port = self.temporal_port
        for name, port in self.agent_ports.items():
            command = [PYTHON, "-m", "izer.agents.reference", name, "--port", str(port)]
            self._add(Part(name, command, logs / f"{name}.log", _http_ok, port=port))
        if self.llm_mode:
            command = [
                PYTHON,
                "-m",
                "tests.fakes.openai_server",
                "--port",
                str(self.llm_port),
                "--mode",
                self.llm_mode,
            ]
            self._add(Part("openai", command, logs / "openai.log", _http_ok, port=self.llm_port))
        self._add(Part("worker", [PYTHON, "-m", "worker"], logs / "worker.log", _worker_polling))
        api = [PYTHON, "-m", "uvicorn", "api:app", "--host", "127.0.0.1", "--port", str(self.api_port)]
        self._add(Part("api", api, logs / "api.log", _http_answers, port=self.api_port))

    def _add(self, part: Part) -> None:
        self.parts[part.name] = part

    def _build_environment(self) -> dict[str, str]:
        """The test process's environment without any pipeline setting, then this stack's settings."""
        own = {name.upper() for name in Settings.model_fields}
        env = {key: value for key, value in os.environ.items() if key.upper() not in own}
        env.update(
            {
                "PYTHONUNBUFFERED": "1",
                "PYTHONPATH": str(REPO),
                "ENV": "test",
                "DATA_DIR": str(self.root / "data"),
                "DATABASE_URL": self.database_url,
                "TEMPORAL_ADDRESS": self.temporal_address,
                "TEMPORAL_NAMESPACE": NAMESPACE,
                "TEMPORAL_TASK_QUEUE": self.task_queue,
                "AGENT_HUB_URL": self.agent_url("agent_hub"),
                "AGENT_BUSINESS_WORKFLOW_URL": self.agent_url("business_workflow"),
                "AGENT_CODE_DEBUGGER_URL": self.agent_url("code_debugger"),
                "AGENT_GENERAL_PURPOSE_URL": self.agent_url("general_purpose"),
                "AGENT_MAX_ATTEMPTS": "3",
                # 0 turns the worker's metrics endpoint off; an empty value does not parse (docs/faults.md).
                "WORKER_METRICS_PORT": "0",
                "BUSINESS_HOURS": "always",
                "LOG_LEVEL": "INFO",
                "OPENAI_API_KEY": "",
            }
        )
        if self.llm_port is not None:
            env["OPENAI_API_KEY"] = "sk-fault-injection"
            env["OPENAI_BASE_URL"] = f"http://127.0.0.1:{self.llm_port}/v1"
        env.update(self.env)
        return env

    async def _temporal_ready(self, part: Part) -> bool:
        if not answers(self.temporal_address, timeout=0.3):
            return False
        client = await asyncio.wait_for(self.temporal_client(), timeout=5)
        return bool(await asyncio.wait_for(client.service_client.check_health(), timeout=5))

    async def _wait_port_free(self, part: Part) -> None:
        """A killed server's port is not bindable at once; wait (bounded) until it is."""
        deadline = time.monotonic() + PORT_FREE_TIMEOUT
        while not _bindable(part.port):  # type: ignore[arg-type]
            if time.monotonic() > deadline:
                raise PartFailed(f"port {part.port} of {part.name} is still taken {PORT_FREE_TIMEOUT:.0f} s on")
            await asyncio.sleep(0.2)


def stop_all() -> None:
    """Stop every stack still running (the session's last resort)."""
    for stack in list(_LIVE):
        stack.stop()


def _orphan_guard() -> list[str]:
    """SIGKILL the part when the test process dies, where util-linux's setpriv is available."""
    setpriv = shutil.which("setpriv")
    return [setpriv, "--pdeathsig", "KILL", "--"] if setpriv else []


def _signal_group(part: Part, sig: signal.Signals) -> None:
    if part.process is None:
        return
    try:
        os.killpg(part.process.pid, sig)
    except ProcessLookupError:
        pass


def _bindable(port: int) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


async def _http_ok(part: Part) -> bool:
    async with httpx.AsyncClient(timeout=2) as http:
        return (await http.get(f"http://127.0.0.1:{part.port}/health")).status_code == 200


async def _http_answers(part: Part) -> bool:
    async with httpx.AsyncClient(timeout=10) as http:
        await http.get(f"http://127.0.0.1:{part.port}/health")
    return True


async def _worker_polling(part: Part) -> bool:
    return WORKER_READY_LINE in part.output_since_start()
