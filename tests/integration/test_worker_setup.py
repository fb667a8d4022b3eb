"""The worker registers the project's search attributes on a namespace that lacks them."""

from __future__ import annotations

from temporalio.api.operatorservice.v1 import ListSearchAttributesRequest
from temporalio.contrib.pydantic import pydantic_data_converter
from temporalio.testing import WorkflowEnvironment

from izer.temporal import ensure_search_attributes
from tests.conftest import BIN
from workflows.message import SEARCH_ATTRIBUTES


async def test_missing_search_attributes_are_registered_once() -> None:
    env = await WorkflowEnvironment.start_local(
        data_converter=pydantic_data_converter,
        dev_server_existing_path=str(BIN / "temporal"),
        ui=False,
        dev_server_log_level="error",
    )
    try:
        request = ListSearchAttributesRequest(namespace="default")
        before = await env.client.operator_service.list_search_attributes(request)
        assert not {k.name for k in SEARCH_ATTRIBUTES} & set(before.custom_attributes)
        await ensure_search_attributes(env.client, "default")
        await ensure_search_attributes(env.client, "default")  # a second worker finds them there
        after = await env.client.operator_service.list_search_attributes(request)
        assert {k.name for k in SEARCH_ATTRIBUTES} <= set(after.custom_attributes)
    finally:
        await env.shutdown()
