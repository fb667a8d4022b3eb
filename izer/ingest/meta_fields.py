"""Reading the fields of a Meta webhook body: strict where the notification depends on them, lenient elsewhere.

The strict readers (`required_object`, `list_at`, `required_text`, `unix_time`) raise `MetaPayloadError`
naming the offending field by its path in the body (e.g. `entry[0].changes[1].value.messages`). The
lenient ones (`as_text`, `as_dict`, `as_list`, `optional_unix_time`) turn a missing or mistyped value
into an empty one, so unknown shapes are tolerated. Meta's `errors` arrays become `MetaError`s.
Pure code: no I/O, no clock.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel

_JSON_KINDS = {
    dict: "an object",
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "a boolean",
    type(None): "null",
}


class MetaPayloadError(ValueError):
    """The body is not a Meta WhatsApp notification; the message names the offending field."""


class MetaError(BaseModel):
    """One item of Meta's `errors` array, on a failed status or an unsupported message."""

    code: int | None = None
    title: str = ""
    message: str = ""
    details: str = ""


def read_errors(value: Any) -> list[MetaError]:
    """An `errors` array, its malformed items read as empty errors; anything but an array is none."""
    return [
        MetaError(
            code=_int(error.get("code")),
            title=as_text(error.get("title")),
            message=as_text(error.get("message")),
            details=as_text(as_dict(error.get("error_data")).get("details")) or as_text(error.get("details")),
        )
        for error in map(as_dict, as_list(value))
    ]


def unix_time(value: Any, path: str) -> datetime:
    if value is None or value == "":
        raise MetaPayloadError(f"{path} is missing")
    parsed = optional_unix_time(value)
    if parsed is None:
        raise MetaPayloadError(f"{path} is not a unix time: {value!r}")
    return parsed


def optional_unix_time(value: Any) -> datetime | None:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    try:
        return datetime.fromtimestamp(int(float(value)), tz=UTC)
    except (ValueError, OverflowError, OSError):
        return None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def as_text(value: Any) -> str:
    """A string, number or boolean as text (booleans as `true`/`false`); anything else as an empty string."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value) if isinstance(value, str | int | float) else ""


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def required_object(value: Any, path: str) -> dict[str, Any]:
    if value is None:
        raise MetaPayloadError(f"{path} is missing")
    if not isinstance(value, dict):
        raise MetaPayloadError(f"{path} is {json_kind(value)}, not an object")
    return value


def list_at(container: dict[str, Any], key: str, path: str, *, required: bool = False) -> list[Any]:
    """The array under `key`; an absent one is empty unless `required`, and a non-array is an error."""
    value = container.get(key)
    if value is None and required:
        raise MetaPayloadError(f"{path} is missing")
    if value is not None and not isinstance(value, list):
        raise MetaPayloadError(f"{path} is {json_kind(value)}, not a list")
    return value or []


def required_text(container: dict[str, Any], key: str, path: str) -> str:
    """A non-empty string or integer under `key` (ids and phone numbers), as text."""
    value = container.get(key)
    if value is None or value == "":
        raise MetaPayloadError(f"{path}.{key} is missing")
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise MetaPayloadError(f"{path}.{key} is {json_kind(value)}, not a string")
    return str(value)


def json_kind(value: Any) -> str:
    """What a decoded JSON value is, in words (`an object`, `null`), for error messages."""
    return _JSON_KINDS.get(type(value), type(value).__name__)
