"""The real stack on loopback for integration tests: API and agents over HTTP, the worker in-process."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import uvicorn
from fastapi import FastAPI
from temporalio.client import Client

from api import create_app
from izer.agents.reference import AGENT_PORTS, create_agent_app
from izer.settings import Settings
from izer.worker_setup import build_activities, build_worker


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ServerThread:
    """A uvicorn server on 127.0.0.1 in its own thread and event loop."""

    def __init__(self, app: FastAPI, port: int | None = None) -> None:
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> ServerThread:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError(f"server on {self.url} did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@dataclass
class Stack:
    api: str
    settings: Settings
    agents: dict[str, str]
    team: str
    client: Client
    http: httpx.AsyncClient

    async def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return await self.http.post(f"{self.api}{path}", **kwargs)

    async def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return await self.http.get(f"{self.api}{path}", **kwargs)

    async def agent_requests(self, agent: str, kind: str = "process") -> list[dict[str, Any]]:
        response = await self.http.get(f"{self.agents[agent]}/requests", params={"kind": kind})
        return response.json()  # type: ignore[no-any-return]

    async def team_requests(self) -> list[dict[str, Any]]:
        response = await self.http.get(f"{self.team}/requests", params={"kind": "escalation"})
        return response.json()  # type: ignore[no-any-return]


@asynccontextmanager
async def running_stack(client: Client, *, database_url: str, **overrides: Any) -> AsyncIterator[Stack]:
    """Agents, an escalation receiver, the worker and the API, all wired to `client`'s Temporal server."""
    agents = {name: ServerThread(create_agent_app(name)).start() for name in AGENT_PORTS}
    team = ServerThread(create_agent_app("team")).start()
    target = client.service_client.config.target_host
    values: dict[str, Any] = {
        "database_url": database_url,
        "temporal_address": target,
        "temporal_task_queue": f"izer-test-{free_port()}",
        "agent_general_purpose_url": agents["general_purpose"].url,
        "agent_business_workflow_url": agents["business_workflow"].url,
        "agent_code_debugger_url": agents["code_debugger"].url,
        "agent_hub_url": agents["agent_hub"].url,
        "escalation_webhook_url": f"{team.url}/escalations",
        "business_hours": "always",
        "worker_metrics_port": None,
        "worker_max_concurrent_activities": 16,
        "webhook_sync_timeout": "20s",
        **overrides,
    }
    settings = Settings(_env_file=None, **values)  # type: ignore[call-arg]
    api = ServerThread(create_app(settings)).start()
    try:
        with ThreadPoolExecutor(max_workers=16) as executor:
            async with build_activities(settings) as activities:
                worker = build_worker(client, settings, activities, executor)
                async with worker, httpx.AsyncClient(timeout=30) as http:
                    yield Stack(
                        api=api.url,
                        settings=settings,
                        agents={name: server.url for name, server in agents.items()},
                        team=team.url,
                        client=client,
                        http=http,
                    )
    finally:
        api.stop()
        team.stop()
        for server in agents.values():
            server.stop()


async def wait_for(predicate: Any, *, timeout: float = 20.0, interval: float = 0.1) -> Any:
    """Poll an async predicate until it returns something truthy."""
    deadline = time.monotonic() + timeout
    while True:
        value = await predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s (last value {value!r})")
        await asyncio.sleep(interval)
