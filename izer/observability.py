"""Logging set-up, phone masking and the Prometheus metrics shared by the API and the worker."""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from datetime import UTC, datetime

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest, multiprocess

WEBHOOK_REQUESTS = Counter(
    "izer_webhook_requests_total", "Webhook requests by endpoint and HTTP status", ["endpoint", "status"]
)
WEBHOOK_LATENCY = Histogram(
    "izer_webhook_latency_seconds",
    "Time to answer a webhook request",
    ["endpoint"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10),
)
ANALYSES = Counter("izer_analyses_total", "Messages analyzed, by analyzer and fallback", ["analyzer", "degraded"])
ANALYZER_LATENCY = Histogram(
    "izer_analyzer_latency_seconds",
    "Time one analysis took",
    ["analyzer"],
    buckets=(0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30),
)
AGENT_CALLS = Counter("izer_agent_calls_total", "Agent deliveries by agent and outcome", ["agent", "outcome"])
ESCALATIONS = Counter("izer_escalations_total", "Escalations and warnings sent", ["kind", "target"])
MESSAGES = Gauge(
    "izer_messages",
    "Stored messages of the latest statistics period (STATS_INTERVAL), by category and priority",
    ["category", "priority"],
    multiprocess_mode="mostrecent",
)
OPEN_MESSAGES = Gauge(
    "izer_open_messages", "Messages waiting for an answer, by priority", ["priority"], multiprocess_mode="mostrecent"
)
BREACHES = Gauge("izer_open_breaches", "Open messages past their deadline", multiprocess_mode="mostrecent")

_PHONE = re.compile(r"\+?\d[\d ]{6,}\d")
SECRET_KEYS = ("secret", "token", "password", "api_key", "authorization")


def mask_phone(phone: str) -> str:
    """+905551234567 → +90555***4567: enough to tell chats apart, not enough to call."""
    digits = phone.strip()
    if len(digits) <= 6:
        return "***"
    return f"{digits[:6]}***{digits[-4:]}"


def mask_phones(text: str) -> str:
    return _PHONE.sub(lambda m: mask_phone(m.group(0).replace(" ", "")), text)


_CONTROL = {code: f"\\x{code:02x}" for code in (*range(32), 127)} | {
    ord("\n"): "\\n",
    ord("\r"): "\\r",
    ord("\t"): "\\t",
    0x85: "\\x85",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def one_line(text: str) -> str:
    """Control characters and line separators written as escapes: a caller's id or name cannot start a
    line of its own in a log."""
    return text.translate(_CONTROL)


def _clean(value: object) -> object:
    return one_line(mask_phones(value)) if isinstance(value, str) else value


class _MaskingFilter(logging.Filter):
    """No phone number reaches a log line unmasked, and no argument (an id, a name, a request path) can
    forge a line: the string arguments are masked and escaped in place, so formatters that unpack the
    arguments (uvicorn's access log) keep working."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask_phones(str(record.msg))
        if not record.args:
            record.msg = one_line(record.msg)
        elif isinstance(record.args, tuple):
            record.args = tuple(_clean(a) for a in record.args)
        elif isinstance(record.args, dict):
            record.args = {k: _clean(v) for k, v in record.args.items()}
        return True


class _JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key in ("message_id", "workflow_id", "stage"):
            if hasattr(record, key):
                entry[key] = getattr(record, key)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def log_stage(logger: logging.Logger, stage: str, message_id: str, workflow_id: str, text: str = "") -> None:
    """One line per message stage, carrying the message and workflow ids (fields of their own in JSON logs)."""
    logger.info(
        "%s message=%s workflow=%s%s",
        stage,
        message_id,
        workflow_id,
        f" {text}" if text else "",
        extra={"stage": stage, "message_id": message_id, "workflow_id": workflow_id},
    )


def configure_tracing(service_name: str, *, endpoint: str | None) -> bool:
    """Export OpenTelemetry traces over OTLP/HTTP when an endpoint is configured; False when off."""
    if not endpoint:
        return False
    from opentelemetry import trace
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    provider = TracerProvider(resource=Resource.create({"service.name": service_name}))
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=f"{endpoint.rstrip('/')}/v1/traces")))
    trace.set_tracer_provider(provider)
    return True


def configure_logging(*, level: str = "INFO", fmt: str = "text", log_file: str | None = None) -> None:
    """Text or JSON lines on stderr (and in LOG_FILE when set), phone numbers masked."""
    formatter: logging.Formatter = (
        _JsonFormatter() if fmt == "json" else logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    if log_file:
        handlers.append(logging.FileHandler(log_file, encoding="utf-8"))
    root = logging.getLogger()
    root.handlers.clear()
    for handler in handlers:
        handler.setFormatter(formatter)
        handler.addFilter(_MaskingFilter())
        root.addHandler(handler)
    root.setLevel(level.upper())
    logging.getLogger("httpx").setLevel(logging.WARNING)
    for name in ("uvicorn", "uvicorn.access", "uvicorn.error"):
        for handler in logging.getLogger(name).handlers:
            handler.addFilter(_MaskingFilter())


def metrics_text() -> bytes:
    """Prometheus text of this process, or, when the API runs as several processes (uvicorn's
    `--workers`, with PROMETHEUS_MULTIPROC_DIR set for them), of all of them together: every process
    answers a scrape with the same counters."""
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return generate_latest()
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)
    return generate_latest(registry)
