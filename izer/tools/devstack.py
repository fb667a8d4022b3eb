"""`izer dev`: the whole stack in the foreground, each part its own process, restarted when it dies,
nothing left on Ctrl-C."""

from __future__ import annotations

import logging
import os
import signal
import time
from pathlib import Path
from urllib.parse import urlsplit

from izer.settings import Settings
from izer.tools.parts import (
    agent_command,
    answers,
    api_command,
    dev_server_command,
    shared_metrics_env,
    temporal_ready,
    worker_parts,
)
from izer.tools.supervisor import Part, PartFailed, Supervisor

log = logging.getLogger("izer.dev")


def reference_agents(settings: Settings) -> dict[str, str]:
    """The built-in agents whose URL points at this machine: the dev stack serves them itself."""
    urls = {
        "agent_hub": settings.agent_hub_url,
        "business_workflow": settings.agent_business_workflow_url,
        "code_debugger": settings.agent_code_debugger_url,
        "general_purpose": settings.agent_general_purpose_url,
    }
    return {name: url for name, url in urls.items() if urlsplit(url).hostname in ("127.0.0.1", "localhost")}


def plan(settings: Settings, supervisor: Supervisor, *, workers: int = 1, api_processes: int = 1) -> None:
    """The parts `izer dev` runs: Temporal (unless one already answers), the reference agents whose URL
    is on this machine, the workers and the API (`api_processes` of it behind the one port)."""
    data = Path(settings.data_dir)
    data.mkdir(parents=True, exist_ok=True)
    if answers(settings.temporal_address):
        log.info("Temporal already answers at %s: using it", settings.temporal_address)
    else:
        command = dev_server_command(
            port=int(settings.temporal_address.rpartition(":")[2]),
            ui_port=urlsplit(settings.temporal_ui_url).port or 8233,
            db_file=data / "temporal.db",
            namespace=settings.temporal_namespace,
        )
        supervisor.add(Part("temporal", command, ready=temporal_ready(settings.temporal_address), restartable=False))
    for name, url in reference_agents(settings).items():
        supervisor.add(Part(f"agent {name}", agent_command(name, port=urlsplit(url).port or 80)))
    for part in worker_parts(workers, metrics_port=settings.worker_metrics_port):
        supervisor.add(part)
    shared = shared_metrics_env(data / "api-metrics") if api_processes > 1 else {}
    supervisor.add(
        Part("api", api_command(host=settings.host, port=settings.port, processes=api_processes), env=shared)
    )


def run_dev(settings: Settings, *, workers: int = 1, api_processes: int = 1) -> int:
    """Start every part, restart any that dies, stop them all on Ctrl-C or SIGTERM; the exit status."""
    supervisor = Supervisor(env={**os.environ, "PYTHONUNBUFFERED": "1"})
    plan(settings, supervisor, workers=workers, api_processes=api_processes)
    stopping = False

    def request_stop(signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    try:
        for name in supervisor.parts:
            supervisor.start(name, stopping=lambda: stopping)
        log.info(
            "İzer is up: API http://localhost:%d · Temporal UI %s · Ctrl-C stops everything",
            settings.port,
            settings.temporal_ui_url,
        )
        while not stopping:
            time.sleep(0.5)
            failed = supervisor.supervise()
            if failed:
                log.error(failed)
                return 1
        return 0
    except PartFailed as err:
        log.error("%s", err)
        return 1
    finally:
        supervisor.stop_all()
        log.info("stopped")
