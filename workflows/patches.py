"""The `workflow.patched` ids of MessageWorkflow, oldest first, and what each changed (the rule is in
docs/architecture.md, "Workflow versioning rule").

Asking `workflow.patched` costs a run two history events the first time (a marker, and an update of the
`TemporalChangeVersion` search attribute that the SDK's core adds). A run that has a newer patch was
started by code that has every older one, so it takes their branches without asking: `IMPLIED` says which
patches a marker stands for. A patch added later is asked as usual (or becomes the newest, standing for all).
"""

from __future__ import annotations

LOCAL_DELIVERY = "local-delivery"
"""The agent delivery runs as a local activity, so one workflow task takes a message from stored to routed
(docs/benchmark.md). Runs started before it deliver with a regular activity."""
PRIORITY_RAISE = "priority-raise"
"""A raised priority (a person's correction) interrupts the wait and recomputes a shorter deadline. Runs
started before it wait on their first deadline as they always did."""
ESCALATE_BY_ID = "escalate-by-id"
"""The escalation activity gets the message id and reads the message from the database (no customer text
repeated into each escalation's input). Runs started before it pass the message."""
QUIET_HOURS = "management-quiet-hours"
"""A level's management page that falls in MANAGEMENT_QUIET_HOURS waits (a durable timer) until the quiet
period ends, unless the message is answered first."""
OUTCOME_WRITE = "outcome-write"
"""Analysis, routing and the deadline (or the closing) are recorded by one local activity after the
delivery, in one transaction. Runs started before it record analysis and routing apart and compute the
deadline on its own."""
STORE_AND_ANALYZE = "store-and-analyze"
"""Without the LLM, one local activity stores the message and analyzes it with the rules. Runs started
before it store, then analyze, with two."""

_BEFORE_OUTCOME_WRITE = frozenset({LOCAL_DELIVERY, PRIORITY_RAISE, ESCALATE_BY_ID, QUIET_HOURS})
IMPLIED: dict[str, frozenset[str]] = {
    OUTCOME_WRITE: _BEFORE_OUTCOME_WRITE,
    STORE_AND_ANALYZE: _BEFORE_OUTCOME_WRITE | {OUTCOME_WRITE},
}
"""The newest patch a run has → the older patches whose branches it takes without asking."""
