"""HTTP load on loopback: closed loop at a fixed concurrency, or open loop at a fixed rate; both bounded."""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import httpx

Request = tuple[str, bytes, dict[str, str]]
"""(message_id, body, headers)"""


@dataclass(frozen=True)
class Sent:
    message_id: str
    sent_at: float
    """time.time() when the request went out"""
    latency: float
    """seconds until the response (or the error)"""
    status: int
    """HTTP status; 0 when every attempt failed in transport or timed out"""
    attempts: int = 1
    error: str = ""
    """the last transport error's type, when there was one"""


MAX_ATTEMPTS = 3
KEEPALIVE_EXPIRY = 3.0
"""Below uvicorn's 5 s keep-alive timeout, so the client never reuses a connection the server is closing."""


def client(concurrency: int, timeout: float = 30.0) -> httpx.AsyncClient:
    """HTTP/1.1 keep-alive, one connection per concurrent request."""
    return httpx.AsyncClient(
        limits=httpx.Limits(
            max_connections=concurrency, max_keepalive_connections=concurrency, keepalive_expiry=KEEPALIVE_EXPIRY
        ),
        timeout=timeout,
    )


async def _send(http: httpx.AsyncClient, url: str, request: Request) -> Sent:
    """POST once; on a transport error deliver again, as the bridge and Meta do (the same message_id
    must then answer the stored result, never run twice: the verification checks it)."""
    message_id, body, headers = request
    sent_at, started = time.time(), time.perf_counter()
    status, attempts, error = 0, 0, ""
    while attempts < MAX_ATTEMPTS:
        attempts += 1
        try:
            response = await http.post(url, content=body, headers={"content-type": "application/json", **headers})
            status = response.status_code
            break
        except httpx.TransportError as err:
            error = type(err).__name__
            await asyncio.sleep(0.2 * attempts)
    return Sent(message_id, sent_at, time.perf_counter() - started, status, attempts, error)


async def closed_loop(
    http: httpx.AsyncClient,
    url: str,
    requests: Sequence[Request],
    *,
    concurrency: int,
    time_limit: float,
    on_sent: Callable[[Sent], None] | None = None,
) -> list[Sent]:
    """Every request once, `concurrency` in flight; stops sending after `time_limit` seconds."""
    results: list[Sent] = []
    pending = iter(requests)
    deadline = time.monotonic() + time_limit

    async def lane() -> None:
        for request in pending:
            if time.monotonic() > deadline:
                return
            sent = await _send(http, url, request)
            results.append(sent)
            if on_sent is not None:
                on_sent(sent)

    await asyncio.gather(*(lane() for _ in range(max(1, concurrency))))
    return results


async def open_loop(
    http: httpx.AsyncClient, url: str, requests: Sequence[Request], *, rate: float, max_in_flight: int
) -> list[Sent]:
    """Send request i at start + i/rate whatever the earlier ones are doing (no coordinated omission),
    with at most `max_in_flight` outstanding; each latency counts from the planned send time."""
    gate = asyncio.Semaphore(max_in_flight)
    start = time.perf_counter()
    wall_start = time.time()

    async def one(i: int, request: Request) -> Sent:
        async with gate:
            sent = await _send(http, url, request)
        planned = start + i / rate
        finished = start + (sent.sent_at - wall_start) + sent.latency
        latency = max(sent.latency, finished - planned)
        return Sent(sent.message_id, wall_start + i / rate, latency, sent.status, sent.attempts, sent.error)

    tasks = []
    for i, request in enumerate(requests):
        delay = start + i / rate - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(i, request)))
    return list(await asyncio.gather(*tasks))


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile (0-100) with linear interpolation; NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p / 100
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1) if not math.isnan(seconds) else seconds
