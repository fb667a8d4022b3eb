"""The HTTP edge: verifies, validates, then starts or signals workflows. Nothing else happens here.

Run alone with `uvicorn api:app --port 8100` (production) or through `izer dev`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import FastAPI, Header, Query, Request, Response
from fastapi.responses import JSONResponse, PlainTextResponse
from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy.orm import Session
from temporalio.service import RPCError

import whatsapp
from db import queries, store
from db.engine import init_database, make_engine, make_sessionmaker, ping
from ingest.bridge import InputError, decode_json, normalize_phone, parse_bridge
from ingest.signature import verify_signature
from observability import (
    BREACHES,
    MESSAGES,
    OPEN_MESSAGES,
    WEBHOOK_LATENCY,
    WEBHOOK_REQUESTS,
    configure_logging,
    configure_tracing,
)
from services import (
    AnswerRequest,
    Authorized,
    Services,
    ServicesDep,
    TemporalGateway,
    now,
    read_body,
    require_token,
    signal_answer,
    start_and_wait,
)
from settings import Settings
from web import routes as web_routes
from workflows.contracts import AnswerSignal, HistoryEntry, IncomingMessage
from workflows.message import MessageWorkflow, workflow_id_for

log = logging.getLogger("izer.api")


def create_app(settings: Settings | None = None) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        current = settings or Settings()
        if settings is None:
            configure_logging(level=current.log_level, fmt=current.log_format, log_file=current.log_file)
            configure_tracing(f"{current.otel_service_name}-api", endpoint=current.otel_exporter_otlp_endpoint)
        missing = current.missing_secrets()
        if missing and current.env == "production":
            raise RuntimeError("refusing to start in production: " + "; ".join(missing))
        for problem in missing:
            log.warning("SECURITY: %s", problem)
        engine = make_engine(current.sqlalchemy_url)
        await asyncio.to_thread(init_database, engine)
        app.state.services = Services(
            settings=current,
            engine=engine,
            sessions=make_sessionmaker(engine),
            temporal=TemporalGateway(current),
        )
        yield
        engine.dispose()

    app = FastAPI(title="İzer message pipeline", version="0.1.0", lifespan=lifespan)
    FastAPIInstrumentor.instrument_app(app, excluded_urls="health,metrics,static")

    @app.exception_handler(InputError)
    async def input_error(_: Request, err: InputError) -> JSONResponse:
        body: dict[str, Any] = {"success": False, "error": str(err)}
        if err.fields:
            body["fields"] = err.fields
        return JSONResponse(body, status_code=err.status)

    @app.middleware("http")
    async def measure(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if not request.url.path.startswith("/webhook"):
            return await call_next(request)
        started = time.perf_counter()
        response = await call_next(request)
        route = request.scope.get("route")
        endpoint = getattr(route, "path", "unmatched")  # a route's template, never a caller's raw path
        WEBHOOK_LATENCY.labels(endpoint=endpoint).observe(time.perf_counter() - started)
        WEBHOOK_REQUESTS.labels(endpoint=endpoint, status=str(response.status_code)).inc()
        return response

    @app.post("/webhook")
    async def webhook(
        request: Request,
        services: ServicesDep,
        x_signature_256: Annotated[str | None, Header()] = None,
    ) -> JSONResponse:
        """The original system's bridge JSON: answered with the analysis and routing once done."""
        settings = services.settings
        body = await read_body(request, settings.max_body_bytes)
        secret = settings.webhook_secret
        if secret is not None and secret.get_secret_value():
            if not verify_signature(body, x_signature_256, secret.get_secret_value()):
                raise InputError(
                    "missing or invalid X-Signature-256 (HMAC-SHA256 of the body with WEBHOOK_SECRET)",
                    status=401,
                )
        bridge = parse_bridge(decode_json(body), max_history=settings.max_history_entries)
        message = IncomingMessage(
            message_id=bridge.message_id,
            chat_time=bridge.chat_time,
            chat_name=bridge.chat_name,
            phone_number=normalize_phone(bridge.phone_number),
            current_message=bridge.current_message,
            history=[HistoryEntry(**h.model_dump()) for h in bridge.history],
            received_at=now(),
            is_group=bridge.is_group,
        )
        status, payload = await start_and_wait(services, message)
        return JSONResponse(payload, status_code=status)

    @app.post("/messages/{message_id}/answer", dependencies=[Authorized])
    async def answer_message(
        message_id: str, services: ServicesDep, body: AnswerRequest | None = None
    ) -> dict[str, Any]:
        request = body or AnswerRequest()
        answer = AnswerSignal(answered_by=request.answered_by, answered_at=now(), source=request.source)  # type: ignore[arg-type]
        return await signal_answer(services, message_id, answer)

    @app.post("/chats/{phone_number}/answer", dependencies=[Authorized])
    async def answer_chat(
        phone_number: str, services: ServicesDep, body: AnswerRequest | None = None
    ) -> dict[str, Any]:
        request = body or AnswerRequest()
        phone = normalize_phone(phone_number)
        open_ids = await services.db(lambda s: queries.open_chat_messages(s, phone))
        answer = AnswerSignal(answered_by=request.answered_by, answered_at=now(), source="chat")
        answered = [await signal_answer(services, mid, answer) for mid in open_ids]
        return {"phone_number": phone, "answered": [a["message_id"] for a in answered]}

    @app.get("/messages/{message_id}", dependencies=[Authorized])
    async def get_message(message_id: str, services: ServicesDep) -> dict[str, Any]:
        detail = await services.db(lambda s: queries.message_detail(s, message_id))
        live = await _live_state(services, message_id)
        if detail is None and live is None:
            raise InputError(f"no message with id {message_id!r}", status=404)
        if detail is None:
            return {"message_id": message_id, "status": "received", "workflow": live}
        detail["workflow"] = live
        return detail

    @app.get("/messages", dependencies=[Authorized])
    async def list_messages(
        services: ServicesDep,
        status: Annotated[str | None, Query(pattern="^(open|received|escalated|answered|closed)$")] = None,
        priority: Annotated[str | None, Query(pattern="^(critical|high|normal|low)$")] = None,
        category: Annotated[str | None, Query(pattern="^(sales|support|complaint|inquiry|technical|general)$")] = None,
        q: Annotated[str | None, Query(max_length=100)] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 100,
    ) -> dict[str, Any]:
        where = queries.MessageFilter(status=status, priority=priority, category=category, query=q, limit=limit)
        items = await services.db(lambda s: queries.list_messages(s, where))
        return {
            "count": len(items),
            "messages": items,
            "temporal_ui_url": services.settings.temporal_ui_url,
            "namespace": services.settings.temporal_namespace,
            "now": now().isoformat(),
        }

    @app.get("/health")
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
            "analyzer": f"openai ({settings.openai_model})" if settings.uses_openai else "rules",
            "task_queue": settings.temporal_task_queue,
        }
        return JSONResponse(body, status_code=200 if body["status"] == "ok" else 503)

    @app.get("/stats")
    async def stats(
        request: Request,
        services: ServicesDep,
        hours: Annotated[float, Query(gt=0, le=24 * 90)] = 24,
        authorization: Annotated[str | None, Header()] = None,
    ) -> Response:
        """A browser gets the charts page (it holds no data; its script sends the token); anything else JSON."""
        if "text/html" in request.headers.get("accept", ""):
            return web_routes.stats_page()
        require_token(services, authorization)

        def compute(session: Session) -> dict[str, Any]:
            return {**queries.statistics_for(session, hours), "snapshots": queries.snapshots(session, hours)}

        return JSONResponse(await services.db(compute))

    @app.get("/sla/breaches", dependencies=[Authorized])
    async def sla_breaches(
        services: ServicesDep, hours: Annotated[float, Query(gt=0, le=24 * 90)] = 24
    ) -> dict[str, Any]:
        items = await services.db(lambda s: queries.breaches(s, hours))
        return {"count": len(items), "breaches": items}

    @app.get("/metrics")
    async def metrics(services: ServicesDep) -> PlainTextResponse:
        await _refresh_gauges(services)
        return PlainTextResponse(generate_latest().decode(), media_type=CONTENT_TYPE_LATEST)

    app.include_router(whatsapp.router)
    app.include_router(web_routes.router)
    app.mount("/static", web_routes.static_files(), name="static")
    return app


async def _live_state(services: Services, message_id: str) -> dict[str, Any] | None:
    try:
        client = await services.temporal.client()
        handle = client.get_workflow_handle(workflow_id_for(message_id))
        description = await asyncio.wait_for(handle.describe(), timeout=3)
    except (InputError, RPCError, TimeoutError):
        return None
    state: dict[str, Any] = {
        "workflow_id": handle.id,
        "run_status": description.status.name if description.status else None,
    }
    if description.status is not None and description.status.name == "RUNNING":
        try:
            status = await asyncio.wait_for(handle.query(MessageWorkflow.status), timeout=3)
            state["state"] = status.model_dump(mode="json") if status else None
        except (RPCError, TimeoutError, Exception):  # noqa: BLE001 - a query needs a worker; the row still answers
            state["state"] = None
    return state


async def _refresh_gauges(services: Services) -> None:
    stats = await services.db(lambda s: queries.statistics_for(s, 24))
    OPEN_MESSAGES.set(sum(n for k, n in stats["by_status"].items() if k in store.OPEN_STATES))
    BREACHES.set(stats["answer_times"]["open_breaches"])
    MESSAGES.clear()
    for priority, block in stats["sla_by_priority"].items():
        MESSAGES.labels(category="all", priority=priority).set(block["messages"])
    for category, count in stats["by_category"].items():
        MESSAGES.labels(category=category, priority="all").set(count)


app = create_app()
