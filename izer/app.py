"""The FastAPI application: clients built once in `lifespan`, one router per concern, one handler that
maps the documented errors to HTTP."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor
from opentelemetry.trace import Span
from starlette.routing import Match

from izer.db.engine import make_engine, make_sessionmaker, prepare_database
from izer.errors import InputError
from izer.observability import WEBHOOK_LATENCY, WEBHOOK_REQUESTS, configure_logging, configure_tracing
from izer.routes import bridge, codec, dashboard, docs, messages, operations, replies, whatsapp
from izer.routes.deps import Services
from izer.security import security_headers
from izer.settings import Settings
from izer.temporal import TemporalGateway, payload_codec

log = logging.getLogger("izer.api")


def create_app(settings: Settings | None = None) -> FastAPI:
    """The API; `settings` given by tests, else read from the environment at start-up."""

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
        app.state.codec = payload_codec(current)
        if app.state.codec is None:
            log.warning("PRIVACY: PAYLOAD_ENCRYPTION_KEY is not set: Temporal stores message texts in plain text")
        engine = make_engine(current.sqlalchemy_url)
        await asyncio.to_thread(prepare_database, engine, create=current.creates_schema)
        app.state.services = Services(
            settings=current,
            engine=engine,
            sessions=make_sessionmaker(engine),
            temporal=TemporalGateway(current),
        )
        yield
        engine.dispose()

    app = FastAPI(
        title="İzer message pipeline",
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    FastAPIInstrumentor.instrument_app(
        app,
        excluded_urls="health,metrics,static",
        server_request_hook=_span_without_path,
        exclude_spans=["receive", "send"],
    )
    app.add_exception_handler(InputError, _input_error)  # type: ignore[arg-type]
    app.middleware("http")(_measure_webhooks)
    app.middleware("http")(security_headers)
    for module in (bridge, whatsapp, messages, replies, operations, dashboard, docs):
        app.include_router(module.router)
    app.include_router(codec.router, prefix="/codec")
    app.mount("/static", dashboard.static_files(), name="static")
    return app


_RAW_URL_ATTRIBUTES = ("http.target", "http.url", "url.path", "url.full", "url.query", "http.route")


def _span_without_path(span: Span, scope: dict[str, Any]) -> None:
    """A request's span carries the route's template (`/chats/{phone_number}/answer`), never the raw
    path or query: no phone number or search text reaches a trace."""
    if not span.is_recording():
        return
    template = "unmatched"
    for route in scope["app"].router.routes:
        match, _ = route.matches(scope)
        if match == Match.FULL:
            template = getattr(route, "path", template)
            break
    current = getattr(span, "attributes", None) or {}
    for key in _RAW_URL_ATTRIBUTES:
        if key in current or key in ("http.target", "http.route"):
            span.set_attribute(key, "" if key == "url.query" else template)


async def _input_error(_: Request, err: InputError) -> JSONResponse:
    body: dict[str, Any] = {"success": False, "error": str(err)}
    if err.fields:
        body["fields"] = err.fields
    return JSONResponse(body, status_code=err.status)


async def _measure_webhooks(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    if not request.url.path.startswith("/webhook"):
        return await call_next(request)
    started = time.perf_counter()
    response = await call_next(request)
    route = request.scope.get("route")
    endpoint = getattr(route, "path", "unmatched")  # a route's template, never a caller's raw path
    WEBHOOK_LATENCY.labels(endpoint=endpoint).observe(time.perf_counter() - started)
    WEBHOOK_REQUESTS.labels(endpoint=endpoint, status=str(response.status_code)).inc()
    return response
