"""The Temporal worker: builds every client once, hands them to the activity classes, runs until stopped.

Run alone with `python worker.py` (production) or through `izer dev`.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
from temporalio.client import (
    Client,
    Schedule,
    ScheduleActionStartWorkflow,
    ScheduleAlreadyRunningError,
    ScheduleIntervalSpec,
    ScheduleOverlapPolicy,
    SchedulePolicy,
    ScheduleSpec,
    ScheduleUpdate,
    TLSConfig,
)
from temporalio.contrib.opentelemetry import TracingInterceptor
from temporalio.contrib.pydantic import pydantic_data_converter
from temporalio.runtime import PrometheusConfig, Runtime, TelemetryConfig
from temporalio.service import RPCError
from temporalio.worker import Worker
from temporalio.worker.workflow_sandbox import SandboxedWorkflowRunner, SandboxRestrictions

from activities.agents import AgentActivities
from activities.analysis import AnalysisActivities
from activities.escalation import EscalationActivities, EscalationTargets, ResponsePolicy
from activities.store import StoreActivities
from analysis.llm import OpenAIAnalyzer, build_client
from db.engine import init_database, make_engine, make_sessionmaker
from observability import configure_logging, configure_tracing
from settings import Settings
from sla.calendar import BusinessCalendar, load_holidays
from workflows.contracts import SnapshotInput
from workflows.message import SEARCH_ATTRIBUTES, MessageWorkflow
from workflows.replay import ReplayWorkflow
from workflows.stats import SCHEDULE_ID, StatsSnapshotWorkflow

log = logging.getLogger("izer.worker")


def connect_options(settings: Settings) -> dict[str, Any]:
    """Client.connect's options: namespace, mTLS certificates or an API key (Temporal Cloud)."""
    tls: TLSConfig | bool = False
    if bool(settings.temporal_tls_cert) != bool(settings.temporal_tls_key):
        raise ValueError("TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY go together: set both (mTLS) or neither")
    if settings.temporal_tls_cert and settings.temporal_tls_key:
        tls = TLSConfig(
            client_cert=Path(settings.temporal_tls_cert).read_bytes(),
            client_private_key=Path(settings.temporal_tls_key).read_bytes(),
        )
    api_key = settings.temporal_api_key.get_secret_value() if settings.temporal_api_key else None
    if api_key and tls is False:
        tls = True
    return {
        "namespace": settings.temporal_namespace,
        "data_converter": pydantic_data_converter,
        "tls": tls,
        "api_key": api_key,
        "interceptors": [TracingInterceptor()] if settings.otel_exporter_otlp_endpoint else [],
    }


async def connect(settings: Settings, *, runtime: Runtime | None = None) -> Client:
    """A Temporal client for the settings' address."""
    options = await asyncio.to_thread(connect_options, settings)
    return await Client.connect(settings.temporal_address, runtime=runtime, **options)


async def ensure_search_attributes(client: Client, namespace: str) -> None:
    """Register the project's search attributes where they are missing (a self-hosted cluster)."""
    from temporalio.api.enums.v1 import IndexedValueType
    from temporalio.api.operatorservice.v1 import AddSearchAttributesRequest, ListSearchAttributesRequest

    kinds = {key.name: IndexedValueType.ValueType(key.indexed_value_type) for key in SEARCH_ATTRIBUTES}
    try:
        existing = await client.operator_service.list_search_attributes(
            ListSearchAttributesRequest(namespace=namespace)
        )
        missing = {k: v for k, v in kinds.items() if k not in existing.custom_attributes}
        if missing:
            await client.operator_service.add_search_attributes(
                AddSearchAttributesRequest(namespace=namespace, search_attributes=missing)
            )
            log.info("registered search attributes %s", ", ".join(missing))
    except RPCError as err:
        # Without them every workflow task would fail at its first upsert: refuse to start instead.
        raise SystemExit(
            f"cannot check or register the search attributes ({err.message}): register "
            f"{', '.join(kinds)} on the namespace, or set SEARCH_ATTRIBUTES=false"
        ) from None


async def ensure_stats_schedule(client: Client, settings: Settings) -> None:
    """The Temporal Schedule that stores a statistics snapshot every STATS_INTERVAL (created or updated)."""
    interval = settings.stats_interval
    schedule = Schedule(
        action=ScheduleActionStartWorkflow(
            StatsSnapshotWorkflow.run,
            SnapshotInput(interval_seconds=interval.total_seconds()),
            id=SCHEDULE_ID,
            task_queue=settings.temporal_task_queue,
        ),
        spec=ScheduleSpec(intervals=[ScheduleIntervalSpec(every=interval)]),
        policy=SchedulePolicy(overlap=ScheduleOverlapPolicy.SKIP),
    )
    try:
        await client.create_schedule(SCHEDULE_ID, schedule)
    except ScheduleAlreadyRunningError:
        await client.get_schedule_handle(SCHEDULE_ID).update(lambda _: ScheduleUpdate(schedule=schedule))


def response_policy(settings: Settings) -> ResponsePolicy:
    calendar = None
    if settings.business_hours.strip().lower() != "always":
        calendar = BusinessCalendar.from_settings(
            settings.business_hours, settings.business_timezone, load_holidays(settings.business_holidays)
        )
    return ResponsePolicy(
        allowed={name: settings.sla_for(name) for name in ("immediate", "1hour", "4hours", "24hours")},
        wall_clock=frozenset(settings.wall_clock_response_times),
        calendar=calendar,
    )


@dataclass
class Activities:
    store: StoreActivities
    analysis: AnalysisActivities
    agents: AgentActivities
    escalation: EscalationActivities

    def all(self) -> list[Callable[..., Any]]:
        return [
            self.store.record_message,
            self.store.record_analysis,
            self.store.record_routing,
            self.store.record_answer,
            self.store.set_status,
            self.store.record_stats_snapshot,
            self.store.load_message,
            self.analysis.analyze_message,
            self.agents.deliver_to_agent,
            self.escalation.compute_deadline,
            self.escalation.escalate,
        ]


@asynccontextmanager
async def build_activities(settings: Settings) -> AsyncIterator[Activities]:
    """Every client the activities need, built once and closed at the end."""
    engine = make_engine(settings.sqlalchemy_url)
    init_database(engine)
    sessions = make_sessionmaker(engine)
    senders = settings.business_sender_names
    async with httpx.AsyncClient(timeout=settings.agent_timeout.total_seconds()) as http:
        llm = None
        if settings.uses_openai:
            llm = OpenAIAnalyzer(client=build_client(settings), model=settings.openai_model, business_senders=senders)
        try:
            yield Activities(
                store=StoreActivities(
                    sessions=sessions,
                    business_senders=senders,
                    agent_reply_counts_as_answer=settings.agent_reply_counts_as_answer,
                ),
                analysis=AnalysisActivities(
                    sessions=sessions,
                    llm=llm,
                    business_senders=senders,
                    llm_max_attempts=settings.llm_max_attempts,
                ),
                agents=AgentActivities(http=http),
                escalation=EscalationActivities(
                    sessions=sessions,
                    http=http,
                    policy=response_policy(settings),
                    targets=EscalationTargets(
                        team_url=settings.escalation_webhook_url,
                        management_url=settings.escalation_management_url,
                        hub_url=settings.agent_hub_url,
                        dashboard_url=settings.public_url,
                        temporal_ui_url=settings.temporal_ui_url,
                        namespace=settings.temporal_namespace,
                    ),
                ),
            )
        finally:
            engine.dispose()


def build_worker(client: Client, settings: Settings, activities: Activities, executor: ThreadPoolExecutor) -> Worker:
    return Worker(
        client,
        task_queue=settings.temporal_task_queue,
        workflows=[MessageWorkflow, StatsSnapshotWorkflow, ReplayWorkflow],
        activities=activities.all(),
        activity_executor=executor,
        max_concurrent_activities=settings.worker_max_concurrent_activities,
        max_concurrent_workflow_tasks=settings.worker_max_concurrent_workflow_tasks,
        max_cached_workflows=settings.worker_max_cached_workflows,
        graceful_shutdown_timeout=timedelta(seconds=30),
        # The sandbox does not re-import the project's workflow modules for every run (they hold no I/O;
        # the workflow tests still run them in the default sandbox): about a fifth less worker CPU.
        workflow_runner=SandboxedWorkflowRunner(
            restrictions=SandboxRestrictions.default.with_passthrough_modules("workflows")
        ),
    )


async def serve(settings: Settings) -> None:
    """Run the worker until SIGINT or SIGTERM, then shut it down cleanly."""
    runtime = None
    if settings.worker_metrics_port:
        runtime = Runtime(
            telemetry=TelemetryConfig(metrics=PrometheusConfig(bind_address=f"0.0.0.0:{settings.worker_metrics_port}"))
        )
    client = await connect(settings, runtime=runtime)
    if settings.search_attributes:
        await ensure_search_attributes(client, settings.temporal_namespace)
    await ensure_stats_schedule(client, settings)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    with ThreadPoolExecutor(max_workers=max(8, settings.worker_max_concurrent_activities)) as executor:
        async with build_activities(settings) as activities:
            worker = build_worker(client, settings, activities, executor)
            log.info(
                "worker polling %s on %s (namespace %s, analyzer %s)",
                settings.temporal_task_queue,
                settings.temporal_address,
                settings.temporal_namespace,
                "openai" if settings.uses_openai else "rules",
            )
            run = asyncio.create_task(worker.run())
            await asyncio.wait([run, asyncio.create_task(stop.wait())], return_when=asyncio.FIRST_COMPLETED)
            if not run.done():
                await worker.shutdown()
            await run


def main() -> None:
    settings = Settings()
    configure_logging(level=settings.log_level, fmt=settings.log_format, log_file=settings.log_file)
    configure_tracing(f"{settings.otel_service_name}-worker", endpoint=settings.otel_exporter_otlp_endpoint)
    code = 0
    try:
        asyncio.run(serve(settings))
    except Exception:
        log.exception("worker stopped with an error")
        code = 1
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    # The Temporal SDK can crash at interpreter exit (sdk-python#300): end with the true status instead.
    os._exit(code)


if __name__ == "__main__":
    main()
