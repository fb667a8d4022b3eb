"""The processes a benchmark run needs, on free loopback ports, each in its own session.

Every part runs in a new session (its own process group), so stopping it kills everything it spawned;
`Stack.stop` runs on success, failure and Ctrl-C alike. Output goes to log files in the run's temp
directory, so the summary stays readable and a failure can be read afterwards.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import httpx

from izer.db.engine import init_database, make_engine
from izer.settings import Settings
from izer.tools.devstack import answers, dev_server_command

log = logging.getLogger("izer.bench")

ROOT = Path(__file__).resolve().parent.parent
AGENTS = ("agent_hub", "business_workflow", "code_debugger", "general_purpose")
DEV_PORTS = frozenset({7233, 8233, 8092, 8093, 8094, 8095, 8100})


def free_port() -> int:
    """A free ephemeral loopback port, never one the dev stack uses."""
    while True:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = int(sock.getsockname()[1])
        if port not in DEV_PORTS:
            return port


@dataclass
class Proc:
    name: str
    command: list[str]
    log_file: Path
    process: subprocess.Popen[bytes] | None = None
    _out: IO[bytes] | None = None

    def start(self, env: dict[str, str], cwd: Path) -> None:
        self._out = self.log_file.open("ab")
        self.process = subprocess.Popen(
            self.command, env=env, cwd=cwd, stdout=self._out, stderr=subprocess.STDOUT, start_new_session=True
        )
        log.debug("started %s (pid %d)", self.name, self.process.pid)

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self, grace: float = 15.0) -> None:
        """SIGTERM to the whole process group, SIGKILL after `grace` seconds."""
        process = self.process
        if process is not None:
            for signum, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 5.0)):
                try:
                    os.killpg(process.pid, signum)
                except ProcessLookupError:
                    break
                try:
                    process.wait(timeout=wait)
                    break
                except subprocess.TimeoutExpired:
                    continue
            # Children that outlived the leader are still in its group: make sure none survives.
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if self._out is not None:
            self._out.close()
            self._out = None

    def tail(self, lines: int = 15) -> str:
        try:
            return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


def tree_rss_mb(pid: int) -> float:
    """VmRSS of `pid` and all its descendants, in MiB (0 when it is gone)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    total_kb, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo.extend(children.get(current, []))
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
                    break
        except OSError:
            continue
    return total_kb / 1024


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds used so far by `pid` (its own threads)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Stack:
    """Temporal dev server, four reference agents, the worker and the API, all on this run's ports."""

    work_dir: Path
    task_queue: str
    app_secret: str
    extra_env: dict[str, str] = field(default_factory=dict)
    temporal_port: int = field(default_factory=free_port)
    api_port: int = field(default_factory=free_port)
    agent_ports: dict[str, int] = field(default_factory=lambda: {name: free_port() for name in AGENTS})
    parts: dict[str, Proc] = field(default_factory=dict)

    @property
    def temporal_address(self) -> str:
        return f"127.0.0.1:{self.temporal_port}"

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.api_port}"

    def agent_url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.agent_ports[name]}"

    @property
    def database_file(self) -> Path:
        return self.work_dir / "izer.db"

    def env(self) -> dict[str, str]:
        """The parent's environment minus every İzer setting, plus this run's settings."""
        ours = {name.upper() for name in Settings.model_fields}
        env = {k: v for k, v in os.environ.items() if k.upper() not in ours}
        env.update(
            {
                "PYTHONUNBUFFERED": "1",
                "PYTHONPATH": str(ROOT),
                "ENV": "development",
                "DATA_DIR": str(self.work_dir),
                "DATABASE_URL": f"sqlite:///{self.database_file}",
                "TEMPORAL_ADDRESS": self.temporal_address,
                "TEMPORAL_NAMESPACE": "default",
                "TEMPORAL_TASK_QUEUE": self.task_queue,
                "TEMPORAL_UI_URL": f"http://127.0.0.1:{self.temporal_port}",
                "PORT": str(self.api_port),
                "PUBLIC_URL": self.api_url,
                "WORKER_METRICS_PORT": str(free_port()),
                "WHATSAPP_APP_SECRET": self.app_secret,
                "OPENAI_API_KEY": "",
                "AGENT_HUB_URL": self.agent_url("agent_hub"),
                "AGENT_BUSINESS_WORKFLOW_URL": self.agent_url("business_workflow"),
                "AGENT_CODE_DEBUGGER_URL": self.agent_url("code_debugger"),
                "AGENT_GENERAL_PURPOSE_URL": self.agent_url("general_purpose"),
                # Long enough that nothing warns or escalates while the run keeps messages waiting.
                "SLA_IMMEDIATE": "24h",
                "SLA_1HOUR": "24h",
                "SLA_4HOURS": "24h",
                "SLA_24HOURS": "48h",
            }
        )
        env.update(self.extra_env)
        if env.pop("BENCH_BYTECODE", "") not in ("", "0"):
            env.pop("PYTHONDONTWRITEBYTECODE", None)  # a lever: let the sandbox load cached bytecode
        return env

    def _add(self, name: str, command: list[str]) -> Proc:
        proc = Proc(name, command, self.work_dir / f"{name.replace(' ', '-')}.log")
        self.parts[name] = proc
        proc.start(self.env(), self.work_dir)
        return proc

    def start_temporal(self, pragmas: list[str] | None = None) -> None:
        settings = Settings(_env_file=None, temporal_namespace="default")  # type: ignore[call-arg]
        command = dev_server_command(
            settings, port=self.temporal_port, ui_port=free_port(), db_file=self.work_dir / "temporal.db"
        )
        if pragmas is not None:  # replace the dev stack's pragmas (a lever the run can measure)
            kept: list[str] = []
            skip = False
            for arg in command:
                if skip:
                    skip = False
                    continue
                if arg == "--sqlite-pragma":
                    skip = True
                    continue
                kept.append(arg)
            command = kept + [arg for pragma in pragmas for arg in ("--sqlite-pragma", pragma)]
        proc = self._add("temporal", command)
        self._wait(proc, lambda: answers(self.temporal_address), 60)

    def start_agents(self) -> None:
        for name, port in self.agent_ports.items():
            self._add(
                f"agent {name}",
                [sys.executable, "-m", "izer.agents.reference", name, "--host", "127.0.0.1", "--port", str(port)],
            )
        for name in AGENTS:
            self._wait(self.parts[f"agent {name}"], lambda n=name: _http_ok(f"{self.agent_url(n)}/health"), 30)

    def init_database(self) -> None:
        """Create the schema before the worker and the API start: both create it on a fresh file, and
        two processes doing so at once race ("table ... already exists")."""
        engine = make_engine(f"sqlite:///{self.database_file}")
        try:
            init_database(engine)
        finally:
            engine.dispose()

    def start_worker(self) -> Proc:
        proc = self._add("worker", [sys.executable, "-m", "worker"])
        self._wait(proc, lambda: b"worker polling" in proc.log_file.read_bytes(), 60)
        return proc

    def start_api(self) -> None:
        proc = self._add(
            "api",
            [sys.executable, "-m", "uvicorn", "api:app", "--host", "127.0.0.1", "--port", str(self.api_port)],
        )
        self._wait(proc, lambda: _http_ok(f"{self.api_url}/health"), 60)

    def start_baseline_worker(self, task_queue: str) -> Proc:
        return self._add(
            "baseline worker",
            [sys.executable, "-m", "bench.baseline", "--address", self.temporal_address, "--task-queue", task_queue],
        )

    def check_alive(self) -> None:
        for proc in self.parts.values():
            if proc.process is not None and not proc.alive():
                raise RuntimeError(
                    f"{proc.name} exited with status {proc.process.returncode}; its log ends:\n{proc.tail()}"
                )

    def stop(self, name: str) -> None:
        proc = self.parts.pop(name, None)
        if proc is not None:
            proc.stop()

    def stop_all(self) -> None:
        for name in reversed(list(self.parts)):
            self.stop(name)

    def _wait(self, proc: Proc, ready: object, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if callable(ready) and ready():
                return
            if not proc.alive():
                raise RuntimeError(f"{proc.name} exited while starting; its log ends:\n{proc.tail()}")
            time.sleep(0.2)
        raise RuntimeError(f"{proc.name} was not ready within {timeout:.0f} s; its log ends:\n{proc.tail()}")


def _http_ok(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2).status_code == 200
    except httpx.HTTPError:
        return False
