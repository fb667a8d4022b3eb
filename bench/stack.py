"""The processes a benchmark run needs, on free loopback ports, run by the project's one supervisor
(izer/tools/supervisor.py): each part in its own process group, stopped on success, failure and
Ctrl-C alike, its output in a log file in the run's temp directory so the summary stays readable and
a failure can be read afterwards.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from izer.db.engine import init_database, make_engine
from izer.tools.parts import (
    AGENTS,
    PYTHON,
    LoopbackAddresses,
    agent_command,
    api_command,
    dev_server_command,
    free_port,
    http_ok,
    stack_environment,
    temporal_ready,
    worker_parts,
)
from izer.tools.supervisor import Part, Supervisor

ROOT = Path(__file__).resolve().parent.parent


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
class Stack(LoopbackAddresses):
    """Temporal dev server, four reference agents, the worker and the API, all on this run's ports."""

    work_dir: Path
    task_queue: str
    app_secret: str
    extra_env: dict[str, str] = field(default_factory=dict)
    temporal_port: int = field(default_factory=free_port)
    api_port: int = field(default_factory=free_port)
    agent_ports: dict[str, int] = field(default_factory=lambda: {name: free_port() for name in AGENTS})
    supervisor: Supervisor = field(init=False)

    def __post_init__(self) -> None:
        self.supervisor = Supervisor(env=self.env(), cwd=self.work_dir, stop_grace=15.0)

    @property
    def parts(self) -> dict[str, Part]:
        return self.supervisor.parts

    @property
    def database_file(self) -> Path:
        return self.work_dir / "izer.db"

    def env(self) -> dict[str, str]:
        """The parent's environment minus every İzer setting, plus this run's settings."""
        env = stack_environment(
            {
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
                "WHATSAPP_APP_SECRET": self.app_secret,
                "OPENAI_API_KEY": "",
                **self.agent_settings(),
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

    def _start(self, part: Part) -> Part:
        self.supervisor.add(part)
        self.supervisor.start(part.name)
        return part

    def _log(self, name: str) -> Path:
        return self.work_dir / f"{name.replace(' ', '-')}.log"

    def start_temporal(self, pragmas: list[str] | None = None) -> None:
        """The dev server; `pragmas` replace the dev stack's SQLite pragmas (a lever the run can measure)."""
        command = dev_server_command(
            port=self.temporal_port, ui_port=None, db_file=self.work_dir / "temporal.db", pragmas=pragmas
        )
        self._start(Part("temporal", command, log=self._log("temporal"), ready=temporal_ready(self.temporal_address)))

    def start_agents(self) -> None:
        for name, port in self.agent_ports.items():
            ready = http_ok(f"{self.agent_url(name)}/health")
            self._start(Part(f"agent {name}", agent_command(name, port=port), log=self._log(name), ready=ready))

    def init_database(self) -> None:
        """Create the schema before the worker and the API start: both create it on a fresh file, and
        two processes doing so at once race ("table ... already exists")."""
        engine = make_engine(f"sqlite:///{self.database_file}")
        try:
            init_database(engine)
        finally:
            engine.dispose()

    def start_workers(self, count: int) -> None:
        """`count` workers on the run's task queue ("worker", "worker 2", …), each with its own metrics port."""
        for part in worker_parts(count, metrics_port=free_port(), log_dir=self.work_dir):
            self._start(part)

    def start_api(self) -> None:
        ready = http_ok(f"{self.api_url}/health")
        self._start(Part("api", api_command(port=self.api_port), log=self._log("api"), ready=ready))

    def start_baseline_worker(self, task_queue: str) -> Part:
        command = [PYTHON, "-m", "bench.baseline", "--address", self.temporal_address, "--task-queue", task_queue]
        part = self.supervisor.add(Part("baseline worker", command, log=self._log("baseline worker")))
        self.supervisor.start(part.name)
        return part

    def check_alive(self) -> None:
        self.supervisor.check_alive()

    def stop(self, name: str) -> None:
        """Stop one part and forget it (the next phase measures the parts still running)."""
        self.supervisor.stop(name)
        del self.supervisor.parts[name]

    def stop_all(self) -> None:
        self.supervisor.stop_all()
