"""The Temporal worker's assembly: every client built once, handed to the activity classes, run until
stopped. The entry point is `worker.py` at the top of the repository."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
from temporalio.client import Client
from temporalio.runtime import PrometheusConfig, Runtime, TelemetryConfig
from temporalio.worker import Worker

from activities.agents import AgentActivities
from activities.analysis import AnalysisActivities
from activities.arrival import ArrivalActivities
from activities.escalation import EscalationActivities, EscalationTargets, ResponsePolicy
from activities.outcome import OutcomeActivities
from activities.replies import ReplyActivities
from activities.store import StoreActivities
from izer.analysis import model as text_model
from izer.analysis.combined import CombinedAnalyzer
from izer.analysis.llm import OpenAIAnalyzer, build_client
from izer.db.engine import make_engine, make_sessionmaker, prepare_database
from izer.db.floors import PriorityFloors
from izer.notify import Notifier, channels
from izer.observability import configure_logging, configure_tracing
from izer.sandbox import workflow_runner
from izer.settings import Settings
from izer.sla.calendar import BusinessCalendar, load_holidays
from izer.sla.quiet import QuietHours
from izer.temporal import connect, ensure_search_attributes, ensure_stats_schedule
from izer.tools.exit import exit_with
from izer.whatsapp_cloud import CloudAPI
from workflows.message import MessageWorkflow
from workflows.replay import ReplayWorkflow
from workflows.reply import ReplyWorkflow
from workflows.stats import StatsSnapshotWorkflow

log = logging.getLogger("izer.worker")


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
        quiet=QuietHours.parse(settings.management_quiet_hours, settings.business_timezone),
    )


def escalation_targets(settings: Settings) -> EscalationTargets:
    """The JSON webhooks, the Apprise channels and the hub (an unusable Apprise URL stops the start-up)."""
    return EscalationTargets(
        team_url=settings.escalation_webhook_url,
        management_url=settings.escalation_management_url,
        hub_url=settings.agent_hub_url,
        dashboard_url=settings.public_url,
        temporal_ui_url=settings.temporal_ui_url,
        namespace=settings.temporal_namespace,
        channels=tuple(channels(settings.notification_urls("team"), settings.notification_urls("management"))),
    )


def cloud_api(settings: Settings, http: httpx.AsyncClient) -> CloudAPI | None:
    """The WhatsApp Cloud API client when WHATSAPP_ACCESS_TOKEN and WHATSAPP_PHONE_NUMBER_ID are set."""
    if not settings.replies_enabled or settings.whatsapp_access_token is None:
        return None
    return CloudAPI(
        http=http,
        base_url=settings.graph_api_url,
        version=settings.graph_api_version,
        phone_number_id=settings.whatsapp_phone_number_id or "",
        token=settings.whatsapp_access_token,
    )


@dataclass
class Activities:
    store: StoreActivities
    analysis: AnalysisActivities
    agents: AgentActivities
    escalation: EscalationActivities
    outcome: OutcomeActivities
    arrival: ArrivalActivities
    replies: ReplyActivities

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
            self.outcome.record_outcome,
            self.arrival.record_and_analyze,
            self.replies.send_reply,
        ]


def load_combined(settings: Settings) -> tuple[CombinedAnalyzer | None, str | None]:
    """The rules with the learned model, loaded once; or None and why, when ANALYZER wants the model and
    the file is missing or of another version (the rules then analyze alone: never a crash)."""
    if settings.analyzer == "rules":
        return None, None
    try:
        loaded = text_model.load(settings.model_path)
    except text_model.ModelUnavailable as err:
        log.warning("analyzing with the rules alone: %s", err.reason)
        return None, err.reason
    log.info("learned model %s loaded (%s features)", loaded.version, loaded.meta.get("features"))
    return CombinedAnalyzer(model=loaded, business_senders=settings.business_sender_names), None


@asynccontextmanager
async def build_activities(settings: Settings) -> AsyncIterator[Activities]:
    """Every client the activities need, built once and closed at the end."""
    targets = escalation_targets(settings)
    policy = response_policy(settings)
    engine = make_engine(settings.sqlalchemy_url)
    prepare_database(engine, create=settings.creates_schema)
    sessions = make_sessionmaker(engine)
    senders = settings.business_sender_names
    combined, model_unavailable = load_combined(settings)
    async with (
        httpx.AsyncClient(timeout=settings.agent_timeout.total_seconds()) as http,
        httpx.AsyncClient(timeout=settings.reply_timeout.total_seconds()) as graph,
    ):
        llm = None
        if settings.uses_openai:
            llm = OpenAIAnalyzer(client=build_client(settings), model=settings.openai_model, business_senders=senders)
        store = StoreActivities(
            sessions=sessions,
            business_senders=senders,
            agent_reply_counts_as_answer=settings.agent_reply_counts_as_answer,
        )
        analysis = AnalysisActivities(
            floors=PriorityFloors(sessions, refresh=settings.priority_floor_refresh),
            llm=llm,
            business_senders=senders,
            combined=combined,
            model_unavailable=model_unavailable,
        )
        try:
            yield Activities(
                store=store,
                analysis=analysis,
                agents=AgentActivities(http=http),
                escalation=EscalationActivities(
                    sessions=sessions,
                    http=http,
                    policy=policy,
                    targets=targets,
                    notifier=Notifier(),
                    language=settings.notify_language,
                ),
                outcome=OutcomeActivities(sessions=sessions, policy=policy, pages_management=targets.has_management),
                arrival=ArrivalActivities(store=store, analysis=analysis),
                replies=ReplyActivities(
                    sessions=sessions,
                    cloud=cloud_api(settings, graph),
                    template=settings.whatsapp_reply_template,
                    template_language=settings.whatsapp_template_language,
                    confirm_window=settings.reply_confirm_window,
                ),
            )
        finally:
            engine.dispose()


def build_worker(client: Client, settings: Settings, activities: Activities, executor: ThreadPoolExecutor) -> Worker:
    return Worker(
        client,
        task_queue=settings.temporal_task_queue,
        workflows=[MessageWorkflow, StatsSnapshotWorkflow, ReplayWorkflow, ReplyWorkflow],
        activities=activities.all(),
        activity_executor=executor,
        max_concurrent_activities=settings.worker_max_concurrent_activities,
        max_concurrent_workflow_tasks=settings.worker_max_concurrent_workflow_tasks,
        max_cached_workflows=settings.worker_max_cached_workflows,
        graceful_shutdown_timeout=timedelta(seconds=30),
        workflow_runner=workflow_runner(),
    )


def metrics_address(settings: Settings) -> str | None:
    """Where the worker's Prometheus endpoint listens: this machine only unless WORKER_METRICS_HOST says
    otherwise; None when WORKER_METRICS_PORT turns it off."""
    if not settings.worker_metrics_port:
        return None
    return f"{settings.worker_metrics_host}:{settings.worker_metrics_port}"


async def serve(settings: Settings) -> None:
    """Run the worker until SIGINT or SIGTERM, then shut it down cleanly."""
    runtime = None
    address = metrics_address(settings)
    if address:
        runtime = Runtime(telemetry=TelemetryConfig(metrics=PrometheusConfig(bind_address=address)))
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
                "openai" if settings.uses_openai else settings.analyzer,
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
    exit_with(code)
