"""The one place that talks to Temporal for both entry points: the connection (mTLS or an API key),
the search attributes, how a message's workflow is started, and the statistics schedule."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from pathlib import Path
from typing import Any

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
from temporalio.common import WorkflowIDConflictPolicy, WorkflowIDReusePolicy
from temporalio.contrib.opentelemetry import TracingInterceptor
from temporalio.contrib.pydantic import pydantic_data_converter
from temporalio.converter import DataConverter, DefaultFailureConverterWithEncodedAttributes
from temporalio.runtime import Runtime
from temporalio.service import RPCError

from izer.codec import EncryptionCodec
from izer.domain import IncomingMessage, workflow_id_for
from izer.errors import InputError
from izer.settings import Settings
from workflows.contracts import MessageWorkflowInput, PipelineConfig, SnapshotInput
from workflows.message import SEARCH_ATTRIBUTES
from workflows.stats import SCHEDULE_ID, StatsSnapshotWorkflow

log = logging.getLogger("izer.temporal")


def payload_codec(settings: Settings) -> EncryptionCodec | None:
    """The encryption codec of PAYLOAD_ENCRYPTION_KEY; None without a key (payloads stored as they are)."""
    key = settings.payload_encryption_key
    if key is None or not key.get_secret_value().strip():
        return None
    return EncryptionCodec.from_setting(key.get_secret_value())


def data_converter(settings: Settings) -> DataConverter:
    """Pydantic models as JSON; with PAYLOAD_ENCRYPTION_KEY every payload, failure messages and stack
    traces included, encrypted before it leaves the process."""
    codec = payload_codec(settings)
    if codec is None:
        return pydantic_data_converter
    return dataclasses.replace(
        pydantic_data_converter,
        payload_codec=codec,
        failure_converter_class=DefaultFailureConverterWithEncodedAttributes,
    )


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
        "data_converter": data_converter(settings),
        "tls": tls,
        "api_key": api_key,
        "interceptors": [TracingInterceptor()] if settings.otel_exporter_otlp_endpoint else [],
    }


async def connect(settings: Settings, *, runtime: Runtime | None = None) -> Client:
    """A Temporal client for the settings' address."""
    options = await asyncio.to_thread(connect_options, settings)
    return await Client.connect(settings.temporal_address, runtime=runtime, **options)


class TemporalGateway:
    """Connects on first use and again after a failure, so the API starts even before Temporal."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._client: Client | None = None
        self._lock = asyncio.Lock()

    async def client(self) -> Client:
        if self._client is None:
            async with self._lock:
                if self._client is None:
                    try:
                        self._client = await asyncio.wait_for(connect(self._settings), timeout=5)
                    except (RPCError, OSError, RuntimeError, TimeoutError) as err:
                        raise InputError(
                            f"Temporal is unreachable at {self._settings.temporal_address}: {err}", status=503
                        ) from None
        return self._client

    async def healthy(self) -> str | None:
        """None when Temporal answers, else what went wrong."""
        try:
            client = await self.client()
            await asyncio.wait_for(client.service_client.check_health(), timeout=3)
        except (InputError, RPCError, TimeoutError, RuntimeError) as err:
            return str(err) or type(err).__name__
        return None


def pipeline_config(settings: Settings) -> PipelineConfig:
    """What a workflow needs of the settings, fixed when it starts."""
    return PipelineConfig(
        use_llm=settings.uses_openai,
        agents=settings.agents(),
        hub_agent="agent_hub",
        agent_max_attempts=settings.agent_max_attempts,
        llm_max_attempts=settings.llm_max_attempts,
        escalation_levels=settings.escalation_levels,
        escalation_growth=settings.escalation_growth,
        warn_at=settings.sla_warn_at,
        search_attributes=settings.search_attributes,
    )


def message_workflow_start(settings: Settings, message: IncomingMessage, *, summary: str) -> dict[str, Any]:
    """The input and start options of a message's workflow, the same on the bridge and the WhatsApp
    path: one workflow per message id; a redelivery joins the running one, and only a failed run may
    be started again."""
    return {
        "arg": MessageWorkflowInput(message=message, config=pipeline_config(settings)),
        "id": workflow_id_for(message.message_id),
        "task_queue": settings.temporal_task_queue,
        "id_conflict_policy": WorkflowIDConflictPolicy.USE_EXISTING,
        "id_reuse_policy": WorkflowIDReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
        "static_summary": summary,
    }


def search_attribute_kinds() -> dict[str, str]:
    """The workflow's search attributes as the CLI names their types (`Keyword`, `Int`)."""
    return {key.name: "Int" if key.value_type is int else "Keyword" for key in SEARCH_ATTRIBUTES}


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
