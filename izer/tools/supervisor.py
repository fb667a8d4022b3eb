"""The one process supervisor: `izer dev`, `make bench` and the fault-injection suite run the stack's
parts with it.

Each part runs in its own session (its own process group), so stopping or killing a part ends
everything it started; every part also gets SIGKILL when the supervising process dies (`setpriv
--pdeathsig`, where util-linux has it). A part can be started again on the same port after a kill,
restarted when it dies (giving up when it keeps dying), and its log read when it fails.

    supervisor = Supervisor(env=stack_environment({...}), cwd=run_dir)     # the commands: izer/tools/parts.py
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
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

log = logging.getLogger("izer.supervisor")


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
