"""The original system's bridge webhook body: validated at the edge, every error naming its field."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator

from izer.errors import InputError

MAX_JSON_DEPTH = 32
MAX_INT_DIGITS = 64
CLOCK_SKEW = timedelta(minutes=5)
"""How far after `chat_time` a history entry may be dated (the bridge's and WhatsApp's clocks differ)."""


Text = Annotated[str, StringConstraints(max_length=4096)]


class BridgeHistoryEntry(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore")

    sender: Annotated[str, StringConstraints(max_length=255)] = ""
    content: Text = ""
    timestamp: datetime | None = Field(default=None, strict=False)
    type: Annotated[str, StringConstraints(max_length=32)] = "text"

    @field_validator("timestamp")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


class BridgeRequest(BaseModel):
    """`{message_id, chat_time, chat_name, phone_number, current_message, history[]}`."""

    model_config = ConfigDict(strict=True, extra="ignore")

    message_id: Annotated[str, StringConstraints(min_length=1, max_length=191, strip_whitespace=True)]
    chat_time: datetime = Field(strict=False)
    chat_name: Annotated[str, StringConstraints(max_length=255)] = ""
    phone_number: Annotated[str, StringConstraints(min_length=3, max_length=32, pattern=r"^\+?[0-9][0-9 \-()]{1,30}$")]
    current_message: Annotated[str, StringConstraints(min_length=1, max_length=4096)]
    history: list[BridgeHistoryEntry] = Field(default_factory=list)
    is_group: bool = False

    @field_validator("chat_time")
    @classmethod
    def _utc(cls, value: datetime) -> datetime:
        """A time without a zone is taken as UTC, as the original system sends it."""
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def decode_json(body: bytes) -> Any:
    """Bytes → JSON, refusing empty, non-UTF-8, malformed and too deeply nested bodies."""
    if not body.strip():
        raise InputError("the request body is empty: send a JSON object")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(f"the request body is not valid UTF-8 (byte {err.start})") from None
    try:
        payload = json.loads(text, parse_int=_bounded_int)
    except json.JSONDecodeError as err:
        raise InputError(f"the request body is not valid JSON: {err.msg} at line {err.lineno}") from None
    except RecursionError:
        raise InputError(f"the JSON is nested deeper than {MAX_JSON_DEPTH} levels") from None
    if _depth(payload) > MAX_JSON_DEPTH:
        raise InputError(f"the JSON is nested deeper than {MAX_JSON_DEPTH} levels")
    return payload


def _bounded_int(digits: str) -> int:
    """An integer of at most MAX_INT_DIGITS digits (Python refuses past 4300 with a ValueError)."""
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        raise InputError(f"the JSON holds an integer of {len(digits)} digits; at most {MAX_INT_DIGITS} are accepted")
    return int(digits)


def _depth(value: Any) -> int:
    """How deeply objects and arrays nest (a scalar is 0); stops counting past the limit."""
    depth, level = 0, [value]
    while True:
        containers = [item for item in level if isinstance(item, dict | list)]
        if not containers or depth > MAX_JSON_DEPTH:
            return depth
        depth += 1
        level = [child for c in containers for child in (c.values() if isinstance(c, dict) else c)]


def parse_bridge(payload: Any, *, max_history: int) -> BridgeRequest:
    if not isinstance(payload, dict):
        raise InputError("the request body must be a JSON object", status=422)
    history = payload.get("history")
    if isinstance(history, list) and len(history) > max_history:
        raise InputError(
            f"history has {len(history)} entries; at most {max_history} are accepted",
            status=422,
            fields=[{"field": "history", "error": f"at most {max_history} entries"}],
        )
    try:
        request = BridgeRequest.model_validate(payload)
    except ValidationError as err:
        fields = [{"field": ".".join(str(p) for p in e["loc"]) or "body", "error": e["msg"]} for e in err.errors()]
        names = ", ".join(f["field"] for f in fields[:5])
        raise InputError(f"invalid field(s): {names}", status=422, fields=fields) from None
    return request


def bounded_times(request: BridgeRequest, now: datetime) -> BridgeRequest:
    """No time from the future: `chat_time` at most now, and every history entry at most CLOCK_SKEW after
    `chat_time` and never after now. A reply dated in the future would answer messages that arrive later."""
    chat_time = min(request.chat_time, now)
    limit = min(chat_time + CLOCK_SKEW, now)
    history = [
        entry.model_copy(update={"timestamp": limit})
        if entry.timestamp is not None and entry.timestamp > limit
        else entry
        for entry in request.history
    ]
    return request.model_copy(update={"chat_time": chat_time, "history": history})
