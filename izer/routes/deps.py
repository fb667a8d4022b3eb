"""What the HTTP routes share: the clients built at start-up, and small dependency aliases for them,
the API token and the body limit."""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, Request
from pydantic import BaseModel, Field
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from izer.errors import InputError
from izer.settings import Settings
from izer.temporal import TemporalGateway


@dataclass
class Services:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    temporal: TemporalGateway
    in_flight: dict[str, asyncio.Future[tuple[int, dict[str, Any]]]] = field(default_factory=dict)

    async def db(self, work: Callable[[Session], Any]) -> Any:
        """Run synchronous database work in a thread."""

        def run() -> Any:
            with self.sessions() as session:
                return work(session)

        return await asyncio.to_thread(run)


def get_services(request: Request) -> Services:
    return request.app.state.services  # type: ignore[no-any-return]


ServicesDep = Annotated[Services, Depends(get_services)]


def _loopback(request: Request) -> bool:
    """Whether the caller is this machine (behind a proxy on this machine, uvicorn's proxy headers give
    the forwarded client instead, so a proxied caller is never taken for loopback)."""
    host = request.client.host if request.client else ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def authorized(request: Request, services: Services) -> bool:
    """A caller with `Authorization: Bearer $API_TOKEN`; without API_TOKEN, a loopback caller."""
    token = services.settings.api_token
    if token is None or not token.get_secret_value():
        return _loopback(request)
    given = request.headers.get("authorization")
    expected = f"Bearer {token.get_secret_value()}"
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


def require_token(request: Request, services: ServicesDep) -> None:
    """Management endpoints, the dashboard's data and /docs: `Authorization: Bearer $API_TOKEN` when
    API_TOKEN is set; without it they answer loopback callers only."""
    if authorized(request, services):
        return
    token = services.settings.api_token
    if token is None or not token.get_secret_value():
        raise InputError(
            "API_TOKEN is not set: this endpoint answers only on this machine (127.0.0.1); "
            "set API_TOKEN and send Authorization: Bearer $API_TOKEN",
            status=403,
        )
    raise InputError("missing or wrong Authorization: Bearer token (API_TOKEN)", status=401)


Authorized = Depends(require_token)


async def read_body(request: Request, limit: int) -> bytes:
    """The raw body, refused with 413 past `limit` bytes (whether or not Content-Length says so)."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise InputError(f"the body is {declared} bytes; at most {limit} are accepted", status=413)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise InputError(f"the body is larger than {limit} bytes", status=413)
        chunks.append(chunk)
    return b"".join(chunks)


class AnswerRequest(BaseModel):
    answered_by: str = Field(default="api", min_length=1, max_length=255)
    source: str = Field(default="api", pattern="^(api|dashboard|agent)$")


def now() -> datetime:
    return datetime.now(UTC)
