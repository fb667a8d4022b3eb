"""What operators and machines read: health, statistics, breaches, Prometheus metrics."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Request, Response
from fastapi.responses import JSONResponse, PlainTextResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy.orm import Session

from izer.db import queries, store
from izer.db.engine import ping
from izer.observability import BREACHES, MESSAGES, OPEN_MESSAGES
from izer.routes.dashboard import stats_page
from izer.routes.deps import Authorized, Services, ServicesDep, require_token

router = APIRouter(tags=["operations"])
Hours = Annotated[float, Query(gt=0, le=24 * 90)]


@router.get("/health")
async def health(services: ServicesDep) -> JSONResponse:
    database: str | None = None
    try:
        await asyncio.wait_for(asyncio.to_thread(ping, services.engine), timeout=5)
    except Exception as err:  # noqa: BLE001 - any failure means the database is not usable
        database = type(err).__name__
    temporal = await services.temporal.healthy()
    settings = services.settings
    body = {
        "status": "ok" if database is None and temporal is None else "unavailable",
        "database": "ok" if database is None else f"error: {database}",
        "temporal": "ok" if temporal is None else f"error: {temporal}",
        "analyzer": f"openai ({settings.openai_model})" if settings.uses_openai else settings.analyzer,
        "task_queue": settings.temporal_task_queue,
    }
    return JSONResponse(body, status_code=200 if body["status"] == "ok" else 503)


@router.get("/stats")
async def stats(
    request: Request,
    services: ServicesDep,
    hours: Hours = 24,
    authorization: Annotated[str | None, Header()] = None,
) -> Response:
    """A browser gets the charts page (it holds no data; its script sends the token); anything else JSON."""
    if "text/html" in request.headers.get("accept", ""):
        return stats_page()
    require_token(services, authorization)

    def compute(session: Session) -> dict[str, Any]:
        return {**queries.statistics_for(session, hours), "snapshots": queries.snapshots(session, hours)}

    return JSONResponse(await services.db(compute))


@router.get("/sla/breaches", dependencies=[Authorized])
async def sla_breaches(services: ServicesDep, hours: Hours = 24) -> dict[str, Any]:
    items = await services.db(lambda s: queries.breaches(s, hours))
    return {"count": len(items), "breaches": items}


@router.get("/metrics")
async def metrics(services: ServicesDep) -> PlainTextResponse:
    await _refresh_gauges(services)
    return PlainTextResponse(generate_latest().decode(), media_type=CONTENT_TYPE_LATEST)


async def _refresh_gauges(services: Services) -> None:
    stats = await services.db(lambda s: queries.statistics_for(s, 24))
    OPEN_MESSAGES.set(sum(n for k, n in stats["by_status"].items() if k in store.OPEN_STATES))
    BREACHES.set(stats["answer_times"]["open_breaches"])
    MESSAGES.clear()
    for priority, block in stats["sla_by_priority"].items():
        MESSAGES.labels(category="all", priority=priority).set(block["messages"])
    for category, count in stats["by_category"].items():
        MESSAGES.labels(category=category, priority="all").set(count)
