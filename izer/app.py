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

from izer.db.engine import make_engine, make_sessionmaker, prepare_database
from izer.errors import InputError
from izer.observability import WEBHOOK_LATENCY, WEBHOOK_REQUESTS, configure_logging, configure_tracing
from izer.routes import bridge, dashboard, messages, operations, replies, whatsapp
from izer.routes.deps import Services
from izer.settings import Settings
from izer.temporal import TemporalGateway

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

    app = FastAPI(title="İzer message pipeline", version="0.1.0", lifespan=lifespan)
    FastAPIInstrumentor.instrument_app(app, excluded_urls="health,metrics,static")
    app.add_exception_handler(InputError, _input_error)  # type: ignore[arg-type]
    app.middleware("http")(_measure_webhooks)
    for module in (bridge, whatsapp, messages, replies, operations, dashboard):
        app.include_router(module.router)
    app.mount("/static", dashboard.static_files(), name="static")
    return app


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
