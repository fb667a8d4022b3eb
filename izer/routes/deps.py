"""What the HTTP routes share: the clients built at start-up, and small dependency aliases for them,
the API token and the body limit."""

from __future__ import annotations

import asyncio
import hmac
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, Header, Request
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


def require_token(services: ServicesDep, authorization: Annotated[str | None, Header()] = None) -> None:
    """Management endpoints need `Authorization: Bearer $API_TOKEN` when API_TOKEN is set."""
    token = services.settings.api_token
    if token is None or not token.get_secret_value():
        return
    expected = f"Bearer {token.get_secret_value()}"
    if authorization is None or not hmac.compare_digest(authorization.encode(), expected.encode()):
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
