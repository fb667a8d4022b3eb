"""StatsSnapshotWorkflow: run by a Temporal Schedule every STATS_INTERVAL to fill system_stats."""

from __future__ import annotations

from datetime import timedelta

from temporalio import workflow

with workflow.unsafe.imports_passed_through():
    from activities.store import StoreActivities
    from workflows.contracts import SnapshotInput
    from workflows.steps import DB_RETRY

SCHEDULE_ID = "izer-stats-snapshot"


@workflow.defn
class StatsSnapshotWorkflow:
    @workflow.run
    async def run(self, params: SnapshotInput) -> bool:
        return await workflow.execute_activity_method(
            StoreActivities.record_stats_snapshot,
            params,
            start_to_close_timeout=timedelta(minutes=2),
            retry_policy=DB_RETRY,
            summary="store the statistics of the period that just ended",
        )
