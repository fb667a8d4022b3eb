"""What operators and machines read: health, statistics, breaches, Prometheus metrics."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse, PlainTextResponse
from prometheus_client import CONTENT_TYPE_LATEST
from sqlalchemy.orm import Session

from izer.db import reports
from izer.db.engine import ping
from izer.db.gauges import Gauges, read_gauges
from izer.observability import BREACHES, MESSAGES, OPEN_MESSAGES, metrics_text
from izer.routes.dashboard import stats_page
from izer.routes.deps import Authorized, ServicesDep, authorized, require_token

router = APIRouter(tags=["operations"])
Hours = Annotated[float, Query(gt=0, le=24 * 90)]


@router.get("/health")
async def health(request: Request, services: ServicesDep) -> JSONResponse:
    """ok/failing per dependency; the error types, the analyzer and the task queue only to an authorized
    caller (API_TOKEN, or loopback without one): never addresses or error texts to anyone else."""
    database: str | None = None
    try:
        await asyncio.wait_for(asyncio.to_thread(ping, services.engine), timeout=5)
    except Exception as err:  # noqa: BLE001 - any failure means the database is not usable
        database = type(err).__name__
    temporal = await services.temporal.healthy()
    healthy = database is None and temporal is None
    body: dict[str, Any] = {
        "status": "ok" if healthy else "unavailable",
        "database": "ok" if database is None else "failing",
        "temporal": "ok" if temporal is None else "failing",
    }
    if authorized(request, services):
        settings = services.settings
        body.update(
            {
                "database": "ok" if database is None else f"error: {database}",
                "temporal": "ok" if temporal is None else f"error: {temporal}",
                "analyzer": f"openai ({settings.openai_model})" if settings.uses_openai else settings.analyzer,
                "task_queue": settings.temporal_task_queue,
            }
        )
    return JSONResponse(body, status_code=200 if healthy else 503)


@router.get("/stats")
async def stats(request: Request, services: ServicesDep, hours: Hours = 24) -> Response:
    """A browser gets the charts page (it holds no data; its script sends the token); anything else JSON."""
    if "text/html" in request.headers.get("accept", ""):
        return stats_page()
    require_token(request, services)

    def compute(session: Session) -> dict[str, Any]:
        return {**reports.statistics_for(session, hours), "snapshots": reports.snapshots(session, hours)}

    return JSONResponse(await services.db(compute))


@router.get("/sla/breaches", dependencies=[Authorized])
async def sla_breaches(services: ServicesDep, hours: Hours = 24) -> dict[str, Any]:
    items = await services.db(lambda s: reports.breaches(s, hours))
    return {"count": len(items), "breaches": items}


@router.get("/metrics")
async def metrics(services: ServicesDep) -> PlainTextResponse:
    """Prometheus text; the gauges come from a few indexed counts, so a scrape costs the same however
    many messages are stored."""
    _set_gauges(await services.db(read_gauges))
    return PlainTextResponse(metrics_text().decode(), media_type=CONTENT_TYPE_LATEST)


def _set_gauges(gauges: Gauges) -> None:
    OPEN_MESSAGES.clear()
    for priority, count in gauges.open_by_priority.items():
        OPEN_MESSAGES.labels(priority=priority).set(count)
    BREACHES.set(gauges.open_breaches)
    MESSAGES.clear()
    for priority, count in gauges.snapshot_by_priority.items():
        MESSAGES.labels(category="all", priority=priority).set(count)
    for category, count in gauges.snapshot_by_category.items():
        MESSAGES.labels(category=category, priority="all").set(count)
