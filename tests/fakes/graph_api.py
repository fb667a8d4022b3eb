"""A fake WhatsApp Cloud API (Graph API) over real HTTP on loopback, checking what Meta checks.

`POST /{version}/{phone number id}/messages` needs `Authorization: Bearer <token>` (else 401, code 190),
the configured phone number id in the path (else code 100), and the JSON shape of a text message
(`messaging_product`, `to`, `type: text`, `text.body` of 1–4096 characters, an optional
`context.message_id`) or of a template message (`template.name`, `template.language.code`); anything else
is Meta's `(#100) Invalid parameter`. An accepted message answers Meta's body with a new wamid and is
kept in `accepted` (what the customer receives). Scripted answers are Meta's documented error bodies:

    with FakeGraph(token="t", phone_number_id="123") as graph:
        graph.script(131047)          # the next send is refused as outside the 24-hour window
        ... GRAPH_API_URL=graph.url ...

With `webhook` (the API's `/webhook/whatsapp` and the app secret), each accepted message is followed, as
Meta does, by a signed `sent` status carrying `biz_opaque_callback_data`.

Standalone, for a manual run of the stack (`GRAPH_API_URL=http://127.0.0.1:8198`):

    python -m tests.fakes.graph_api --port 8198 --token test-token --phone-number-id 1234567890
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import threading
import time
import urllib.request
import uuid
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

ERRORS: dict[int, tuple[int, str, str | None]] = {
    190: (401, "Error validating access token: Session has expired.", None),
    131047: (
        400,
        "(#131047) Re-engagement message",
        "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
    ),
    131026: (
        400,
        "(#131026) Message Undeliverable",
        "Unable to deliver message. Reasons can include: the recipient phone number is not a WhatsApp phone number.",
    ),
    131000: (500, "(#131000) Something went wrong", "Message failed to send due to an unknown error."),
    100: (400, "(#100) Invalid parameter", None),
}


def error_body(code: int, *, details: str | None = None) -> tuple[int, dict[str, Any]]:
    status, message, default_details = ERRORS.get(code, (400, f"(#{code}) Error", None))
    error: dict[str, Any] = {"message": message, "type": "OAuthException", "code": code, "fbtrace_id": "AbCdEf123"}
    if code == 190:
        error["error_subcode"] = 463
    if details or default_details:
        error["error_data"] = {"messaging_product": "whatsapp", "details": details or default_details}
    return status, {"error": error}


class FakeGraph:
    def __init__(
        self,
        *,
        token: str,
        phone_number_id: str,
        version: str = "v21.0",
        webhook: tuple[str, str] | None = None,
        port: int = 0,
    ) -> None:
        self.token = token
        self.phone_number_id = phone_number_id
        self.version = version
        self.webhook = webhook
        self.accepted: list[dict[str, Any]] = []
        self.requests: list[dict[str, Any]] = []
        self._script: deque[int] = deque()
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> FakeGraph:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *_: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def script(self, *codes: int) -> None:
        """Meta error codes to answer the next sends with, in order (then sends are accepted)."""
        with self._lock:
            self._script.extend(codes)

    def answer(self, path: str, headers: dict[str, str], raw: bytes) -> tuple[int, dict[str, Any]]:
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            body = None
        with self._lock:
            self.requests.append({"path": path, "body": body})
        if headers.get("authorization") != f"Bearer {self.token}":
            return error_body(190)
        if path != f"/{self.version}/{self.phone_number_id}/messages":
            return error_body(100, details=f"Unsupported post request: {path}")
        problem = shape_problem(body)
        if problem:
            return error_body(100, details=problem)
        with self._lock:
            code = self._script.popleft() if self._script else None
        if code is not None:
            return error_body(code)
        wamid = f"wamid.fake-{uuid.uuid4().hex}"
        with self._lock:
            self.accepted.append({**body, "wamid": wamid})
        if self.webhook:
            threading.Thread(target=self._post_status, args=(body, wamid), daemon=True).start()
        answer: dict[str, Any] = {
            "messaging_product": "whatsapp",
            "contacts": [{"input": body["to"], "wa_id": body["to"].lstrip("+")}],
            "messages": [{"id": wamid}],
        }
        if body["type"] == "template":
            answer["messages"][0]["message_status"] = "accepted"
        return 200, answer

    def _post_status(self, body: dict[str, Any], wamid: str) -> None:
        assert self.webhook is not None
        url, secret = self.webhook
        status: dict[str, Any] = {
            "id": wamid,
            "status": "sent",
            "timestamp": str(int(time.time())),
            "recipient_id": body["to"].lstrip("+"),
        }
        if body.get("biz_opaque_callback_data"):
            status["biz_opaque_callback_data"] = body["biz_opaque_callback_data"]
        payload = {
            "object": "whatsapp_business_account",
            "entry": [
                {
                    "id": "1",
                    "changes": [
                        {
                            "field": "messages",
                            "value": {
                                "messaging_product": "whatsapp",
                                "metadata": {"display_phone_number": "908500000000", "phone_number_id": "1"},
                                "statuses": [status],
                            },
                        }
                    ],
                }
            ],
        }
        raw = json.dumps(payload).encode()
        signature = "sha256=" + hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()
        request = urllib.request.Request(
            url, data=raw, headers={"Content-Type": "application/json", "X-Hub-Signature-256": signature}
        )
        try:
            urllib.request.urlopen(request, timeout=10).read()
        except OSError:
            pass

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - the http.server API
                raw = self.rfile.read(int(self.headers.get("content-length") or 0))
                headers = {k.lower(): v for k, v in self.headers.items()}
                status, body = fake.answer(self.path, headers, raw)
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:  # noqa: N802
                data = json.dumps(fake.accepted).encode()
                self.send_response(200 if self.path == "/fake/accepted" else 404)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *_: object) -> None:
                pass

        return Handler


def shape_problem(body: Any) -> str | None:
    """What Meta would refuse in a text or template message, or None."""
    if not isinstance(body, dict):
        return "the body is not a JSON object"
    if body.get("messaging_product") != "whatsapp":
        return "messaging_product must be whatsapp"
    to = body.get("to")
    if not isinstance(to, str) or not to.lstrip("+").isdigit():
        return "to must be a phone number"
    if body.get("type") == "text":
        text = body.get("text")
        if not isinstance(text, dict) or not isinstance(text.get("body"), str) or not 0 < len(text["body"]) <= 4096:
            return "text.body must be 1 to 4096 characters"
        context = body.get("context")
        if context is not None and not (isinstance(context, dict) and isinstance(context.get("message_id"), str)):
            return "context.message_id must be a wamid"
        return None
    if body.get("type") == "template":
        template = body.get("template")
        if not isinstance(template, dict) or not isinstance(template.get("name"), str):
            return "template.name is required"
        language = template.get("language")
        if not isinstance(language, dict) or not isinstance(language.get("code"), str):
            return "template.language.code is required"
        return None
    return f"unsupported message type {body.get('type')!r}"


def main() -> None:
    parser = argparse.ArgumentParser(description="a fake WhatsApp Cloud API on loopback")
    parser.add_argument("--port", type=int, default=8198)
    parser.add_argument("--token", required=True)
    parser.add_argument("--phone-number-id", required=True)
    parser.add_argument("--version", default="v21.0")
    parser.add_argument("--webhook", help="the API's /webhook/whatsapp URL, to post `sent` statuses")
    parser.add_argument("--app-secret", help="WHATSAPP_APP_SECRET, to sign those statuses")
    args = parser.parse_args()
    webhook = (args.webhook, args.app_secret) if args.webhook and args.app_secret else None
    with FakeGraph(
        token=args.token, phone_number_id=args.phone_number_id, version=args.version, webhook=webhook, port=args.port
    ) as fake:
        print(f"fake Graph API on {fake.url} (GET /fake/accepted lists what customers received)", flush=True)
        threading.Event().wait()


if __name__ == "__main__":
    main()
