"""Recorded histories still replay: the workflow code stays deterministic for workflows already running."""

from __future__ import annotations

import asyncio
import base64
import json
from datetime import timedelta
from pathlib import Path

import pytest
from temporalio import workflow
from temporalio.client import WorkflowHistory
from temporalio.contrib.pydantic import pydantic_data_converter
from temporalio.worker import Replayer
from temporalio.workflow import NondeterminismError

from workflows.contracts import MessageStatus, MessageWorkflowInput
from workflows.message import MessageWorkflow
from workflows.patches import LOCAL_DELIVERY, OUTCOME_WRITE, STORE_AND_ANALYZE

HISTORIES = sorted((Path(__file__).resolve().parent / "histories").glob("*.json"))


def test_histories_were_recorded() -> None:
    assert len(HISTORIES) >= 8
    for patch in (LOCAL_DELIVERY, OUTCOME_WRITE, STORE_AND_ANALYZE):
        assert any(patch in patches_in(path) for path in HISTORIES), f"no history through the {patch} branch"


def patches_in(path: Path) -> set[str]:
    """The ids of the `workflow.patched` markers a recorded history holds."""
    events = json.loads(path.read_text(encoding="utf-8"))["events"]
    markers = [e["markerRecordedEventAttributes"] for e in events if e["eventType"] == "EVENT_TYPE_MARKER_RECORDED"]
    payloads = [m["details"]["patch-data"]["payloads"][0] for m in markers if m["markerName"] == "core_patch"]
    return {json.loads(base64.b64decode(p["data"]))["id"] for p in payloads}


@pytest.mark.parametrize("path", HISTORIES, ids=[p.stem for p in HISTORIES])
async def test_a_recorded_history_replays(path: Path) -> None:
    history = WorkflowHistory.from_json(path.stem, await asyncio.to_thread(path.read_text, encoding="utf-8"))
    replayer = Replayer(workflows=[MessageWorkflow], data_converter=pydantic_data_converter)
    result = await replayer.replay_workflow(history, raise_on_replay_failure=True)
    assert result.replay_failure is None


@workflow.defn(name="MessageWorkflow", sandboxed=False)
class UnguardedChange(MessageWorkflow):
    """Today's workflow with one more command at its start and no `workflow.patched` around it."""

    @workflow.run
    async def run(self, params: MessageWorkflowInput) -> MessageStatus:
        await workflow.sleep(timedelta(seconds=1))
        return await super().run(params)


@pytest.mark.parametrize("path", HISTORIES, ids=[p.stem for p in HISTORIES])
async def test_an_unguarded_change_fails_the_replay(path: Path) -> None:
    """The check above can fail: a workflow that changed its commands without a patch does not replay."""
    history = WorkflowHistory.from_json(path.stem, await asyncio.to_thread(path.read_text, encoding="utf-8"))
    replayer = Replayer(workflows=[UnguardedChange], data_converter=pydantic_data_converter)
    with pytest.raises(NondeterminismError):
        await replayer.replay_workflow(history, raise_on_replay_failure=True)
