"""The worker's workflow sandbox: the SDK's `SandboxedWorkflowRunner`, minus a per-payload cost.

For every payload of every workflow activation and completion, the SDK asks the workflow instance which
serialization context (and external-storage context) applies. The sandboxed instance answers by
`exec`-compiling a code string that enters the sandbox's import machinery and calls the same method of
the instance inside: about 40 % of the worker's CPU per message (py-spy, docs/benchmark.md). The answer
is a lookup in the SDK's own bookkeeping (the pending activity or child workflow of a command id), no
workflow code runs and nothing is imported, so this instance calls it directly. Workflow code itself
still runs in the sandbox, activation by activation, as before.

`temporalio` is pinned in pyproject.toml: `_Instance` is the SDK's private class, and
tests/workflows/test_sandbox.py proves the answers are the SDK's own.
"""

from __future__ import annotations

from dataclasses import dataclass

from temporalio.converter import SerializationContext, StorageDriverStoreContext
from temporalio.worker import WorkflowInstance, WorkflowInstanceDetails
from temporalio.worker._command_aware_visitor import CommandInfo
from temporalio.worker.workflow_sandbox import SandboxedWorkflowRunner, SandboxRestrictions
from temporalio.worker.workflow_sandbox._in_sandbox import InSandbox
from temporalio.worker.workflow_sandbox._runner import _Instance

PASSTHROUGH_MODULES = ("workflows", "izer.domain", "izer.errors")
"""Deterministic project modules the sandbox does not re-import for every workflow run (they hold no I/O;
the workflow tests still run them in the default sandbox): about a fifth less worker CPU."""


class _DirectContextInstance(_Instance):
    """The SDK's sandboxed instance, answering the serialization-context lookups without `exec`."""

    def get_serialization_context(self, command_info: CommandInfo | None) -> SerializationContext | None:
        return self._in_sandbox().get_serialization_context(command_info)

    def get_external_store_context(self, command_info: CommandInfo | None) -> StorageDriverStoreContext:
        return self._in_sandbox().get_external_store_context(command_info)

    def _in_sandbox(self) -> InSandbox:
        """The instance inside the sandbox, which the SDK keeps among the sandbox's globals."""
        in_sandbox: InSandbox = self.globals_and_locals["__temporal_in_sandbox"]  # type: ignore[assignment]
        return in_sandbox


@dataclass(frozen=True)
class DirectContextSandboxedRunner(SandboxedWorkflowRunner):
    """`SandboxedWorkflowRunner` whose instances answer serialization-context lookups directly."""

    def create_instance(self, det: WorkflowInstanceDetails) -> WorkflowInstance:
        return _DirectContextInstance(det, self.runner_class, self.restrictions)


def workflow_runner() -> SandboxedWorkflowRunner:
    """The runner the worker uses: the default sandbox with the project's deterministic modules passed through."""
    return DirectContextSandboxedRunner(
        restrictions=SandboxRestrictions.default.with_passthrough_modules(*PASSTHROUGH_MODULES)
    )
