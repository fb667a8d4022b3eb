"""The real stack as separate processes on free loopback ports, for fault injection, run by the
project's one supervisor (izer/tools/supervisor.py).

The parts (the Temporal dev server on a file in the run's directory, the four reference agents,
optionally the fake OpenAI server, the worker, the API) each run in their own process group, so a part
and everything it started can be killed as one and started again on the same port. `stop()` (called by
the fixture and again at session end) ends whatever is left.

    stack = ProcStack(tmp_path, database_url="sqlite:///…")
    await stack.start()
    stack.kill("worker")          # SIGKILL to the worker's process group
    await stack.start_part("worker")
    stack.stop()
"""

from __future__ import annotations

import asyncio
import signal
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from temporalio.client import Client
from temporalio.contrib.pydantic import pydantic_data_converter

from izer.tools.parts import (
    AGENTS,
    PYTHON,
    LoopbackAddresses,
    agent_command,
    api_command,
    dev_server_command,
    free_port,
    http_answers,
    http_ok,
    shared_metrics_env,
    stack_environment,
    temporal_ready,
    worker_parts,
)
from izer.tools.supervisor import Part, PartFailed, Probe, Supervisor
from tests.conftest import REPO

__all__ = ["AGENTS", "PartFailed", "ProcStack", "stop_all"]

NAMESPACE = "default"
START_TIMEOUT = 60.0
STOP_GRACE = 3.0

_LIVE: set[ProcStack] = set()


@dataclass(eq=False)
class ProcStack(LoopbackAddresses):
    """The whole pipeline as processes; `env` adds or overrides settings (e.g. SLA_*, OPENAI_TIMEOUT)."""

    root: Path
    database_url: str
    llm_mode: str | None = None
    env: Mapping[str, str] = field(default_factory=dict)
    workers: int = 1
    api_processes: int = 1

    def __post_init__(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "logs").mkdir(exist_ok=True)
        self.temporal_port = free_port()
        self.api_port = free_port()
        self.agent_ports = {name: free_port() for name in AGENTS}
        self.llm_port = free_port() if self.llm_mode else None
        self.task_queue = f"izer-faults-{uuid.uuid4().hex[:8]}"
        self.temporal_db = self.root / "temporal.db"
        self.supervisor = Supervisor(env=self._environment(), cwd=self.root, stop_grace=STOP_GRACE)
        self._plan()

    @property
    def worker_names(self) -> list[str]:
        return [name for name in self.parts if name.startswith("worker")]

    @property
    def parts(self) -> dict[str, Part]:
        return self.supervisor.parts

    @property
    def llm_url(self) -> str:
        assert self.llm_port is not None, "this stack runs without the fake OpenAI server"
        return f"http://127.0.0.1:{self.llm_port}"

    async def temporal_client(self) -> Client:
        """A fresh client on the stack's dev server (connect again after the server restarted)."""
        return await Client.connect(self.temporal_address, namespace=NAMESPACE, data_converter=pydantic_data_converter)

    async def start(self) -> ProcStack:
        """Start the servers, then the worker and the API, waiting until each answers; stop all on failure."""
        _LIVE.add(self)
        servers = [name for name in self.parts if name not in (*self.worker_names, "api")]
        try:
            await asyncio.gather(*(self.start_part(name) for name in servers))
            # One after the other: started together on a fresh MariaDB database, the API and the worker
            # race in init_database and one of them crashes (docs/faults.md, "bugs found").
            for name in self.worker_names:
                await self.start_part(name)
            await self.start_part("api")
        except BaseException:
            self.stop()
            raise
        return self

    async def start_part(self, name: str, *, timeout: float = START_TIMEOUT) -> None:
        """Start one part (again) and wait until it answers, failing with its log if it does not."""
        await asyncio.to_thread(self.supervisor.start, name, timeout=timeout)

    def kill(self, name: str, sig: signal.Signals = signal.SIGKILL) -> int | None:
        """Send `sig` to the part's process group and wait until the part has exited; its status."""
        return self.supervisor.kill(name, sig)

    async def restart(self, name: str) -> None:
        """SIGKILL the part, then start it again on the same port (and the same Temporal file)."""
        self.kill(name)
        await self.start_part(name)

    def stop(self) -> None:
        """End every part. Safe to call twice."""
        self.supervisor.stop_all()
        _LIVE.discard(self)

    def tail(self, name: str, lines: int = 30) -> str:
        return self.parts[name].tail(lines)

    def logs(self) -> str:
        """The end of every part's log, to attach to a failure message."""
        return self.supervisor.logs()

    def _plan(self) -> None:
        temporal = dev_server_command(port=self.temporal_port, ui_port=None, db_file=self.temporal_db)
        self._add("temporal", temporal, temporal_ready(self.temporal_address), port=self.temporal_port)
        for name, port in self.agent_ports.items():
            self._add(name, agent_command(name, port=port), http_ok(f"{self.agent_url(name)}/health"), port=port)
        if self.llm_port is not None:
            fake = [PYTHON, "-m", "tests.fakes.openai_server", "--port", str(self.llm_port)]
            fake += ["--mode", str(self.llm_mode)]
            self._add("openai", fake, http_ok(f"{self.llm_url}/health"), port=self.llm_port)
        for part in worker_parts(self.workers, metrics_port=None, log_dir=self.root / "logs"):
            self.supervisor.add(part)
        api = api_command(port=self.api_port, processes=self.api_processes)
        self._add("api", api, http_answers(f"{self.api_url}/health"), port=self.api_port)
        if self.api_processes > 1:
            self.parts["api"].env = shared_metrics_env(self.root / "api-metrics")

    def _add(self, name: str, command: list[str], ready: Probe, *, port: int | None = None) -> None:
        self.supervisor.add(Part(name, command, log=self.root / "logs" / f"{name}.log", ready=ready, port=port))

    def _environment(self) -> dict[str, str]:
        """The test process's environment without any pipeline setting, then this stack's settings."""
        env = stack_environment(
            {
                "PYTHONPATH": str(REPO),
                "ENV": "test",
                "DATA_DIR": str(self.root / "data"),
                "DATABASE_URL": self.database_url,
                "TEMPORAL_ADDRESS": self.temporal_address,
                "TEMPORAL_NAMESPACE": NAMESPACE,
                "TEMPORAL_TASK_QUEUE": self.task_queue,
                **self.agent_settings(),
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


def stop_all() -> None:
    """Stop every stack still running (the session's last resort)."""
    for stack in list(_LIVE):
        stack.stop()
