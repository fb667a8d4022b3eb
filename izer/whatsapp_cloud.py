"""The WhatsApp Cloud API's send endpoint (`POST {GRAPH_API_URL}/{version}/{phone number id}/messages`).

A small httpx client rather than pywa: pywa sets `https://graph.facebook.com` as the base URL of the
client it is given (so GRAPH_API_URL could not point tests and staging elsewhere) and takes that client
over (its own Authorization header; it refuses a shared one). Retries are Temporal's, not this module's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
from pydantic import SecretStr

# Meta's error codes that a retry may cure: throttling, temporary outages, "something went wrong".
TRANSIENT_CODES = frozenset({1, 2, 4, 17, 341, 80007, 130429, 131000, 131016, 131056, 133004})


@dataclass(frozen=True)
class SendResult:
    """Meta's answer: the wamid of an accepted message, or its error."""

    http_status: int
    wamid: str | None = None
    error_code: int | None = None
    error: str | None = None

    @property
    def accepted(self) -> bool:
        return self.wamid is not None

    @property
    def transient(self) -> bool:
        """Worth another try: a 5xx or 429, or one of Meta's transient codes."""
        return self.http_status >= 500 or self.http_status == 429 or self.error_code in TRANSIENT_CODES


class GraphUnreachable(Exception):
    """No answer from the Graph API. `maybe_sent` when the request may have reached it (a timeout while
    waiting for the answer), false when it certainly did not (the connection was refused)."""

    def __init__(self, reason: str, *, maybe_sent: bool) -> None:
        super().__init__(reason)
        self.maybe_sent = maybe_sent


class CloudAPI:
    def __init__(
        self,
        *,
        http: httpx.AsyncClient,
        base_url: str,
        version: str,
        phone_number_id: str,
        token: SecretStr,
    ) -> None:
        self._http = http
        self._url = f"{base_url.rstrip('/')}/{version}/{phone_number_id}/messages"
        self._token = token

    async def send_text(self, to: str, body: str, *, context: str | None = None, tracking: str = "") -> SendResult:
        """A free-form text; `context` (the customer's wamid) shows it as a reply to that message."""
        payload: dict[str, Any] = {
            "messaging_product": "whatsapp",
            "recipient_type": "individual",
            "to": to_wa_id(to),
            "type": "text",
            "text": {"preview_url": False, "body": body},
        }
        if context:
            payload["context"] = {"message_id": context}
        return await self._post(payload, tracking)

    async def send_template(self, to: str, name: str, language: str, *, tracking: str = "") -> SendResult:
        """An approved template (the only message Meta delivers outside the 24-hour window)."""
        payload = {
            "messaging_product": "whatsapp",
            "recipient_type": "individual",
            "to": to_wa_id(to),
            "type": "template",
            "template": {"name": name, "language": {"code": language}},
        }
        return await self._post(payload, tracking)

    async def _post(self, payload: dict[str, Any], tracking: str) -> SendResult:
        if tracking:
            # Meta returns it in the status webhooks of this message: how a retry finds out that an
            # attempt whose answer was lost did reach the customer.
            payload["biz_opaque_callback_data"] = tracking
        headers = {"Authorization": f"Bearer {self._token.get_secret_value()}"}
        try:
            response = await self._http.post(self._url, json=payload, headers=headers)
        except (httpx.ConnectError, httpx.ConnectTimeout) as err:
            raise GraphUnreachable(f"Graph API unreachable ({type(err).__name__})", maybe_sent=False) from None
        except httpx.HTTPError as err:
            raise GraphUnreachable(f"no answer from the Graph API ({type(err).__name__})", maybe_sent=True) from None
        return read_answer(response)


def read_answer(response: httpx.Response) -> SendResult:
    try:
        data = response.json()
    except ValueError:
        data = {}
    if response.is_success:
        messages = data.get("messages") if isinstance(data, dict) else None
        if isinstance(messages, list) and messages and isinstance(messages[0], dict) and messages[0].get("id"):
            return SendResult(http_status=response.status_code, wamid=str(messages[0]["id"]))
        return SendResult(http_status=502, error="the Graph API answered without a message id")
    error = data.get("error") if isinstance(data, dict) else None
    if not isinstance(error, dict):
        return SendResult(http_status=response.status_code, error=f"HTTP {response.status_code}")
    details = error.get("error_data", {}).get("details") if isinstance(error.get("error_data"), dict) else None
    code = error.get("code")
    return SendResult(
        http_status=response.status_code,
        error_code=code if isinstance(code, int) else None,
        error=str(details or error.get("message") or f"HTTP {response.status_code}")[:1000],
    )


def to_wa_id(phone: str) -> str:
    """Meta takes the number in international form, digits only."""
    return "".join(ch for ch in phone if ch.isdigit())
