"""Builders for the rule-analyzer tests: a message as the bridge sends it, with an optional history."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from izer.domain import HistoryEntry, IncomingMessage

NOW = datetime(2025, 6, 2, 10, 0, tzinfo=UTC)


def message(
    text: str,
    history: Sequence[tuple[str, str]] = (),
    *,
    hours_apart: float = 20,
    is_group: bool = False,
    message_type: str = "text",
) -> IncomingMessage:
    """``text`` now; ``history`` as (sender, content), oldest first, ``hours_apart`` hours apart."""
    count = len(history)
    entries = [
        HistoryEntry(sender=sender, content=content, timestamp=NOW - timedelta(hours=hours_apart * (count - index)))
        for index, (sender, content) in enumerate(history)
    ]
    return IncomingMessage(
        message_id="m-1",
        chat_time=NOW,
        phone_number="+905551112233",
        current_message=text,
        history=entries,
        received_at=NOW,
        is_group=is_group,
        message_type=message_type,
    )
