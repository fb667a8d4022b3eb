"""A fake OpenAI Chat Completions server over real HTTP on loopback, for tests and the local stack.

It answers `POST /v1/chat/completions` (and `/chat/completions`) with a completion whose content
conforms to the `response_format.json_schema.schema` of the request: the first enum value, integers
inside the stated range (5 when it fits), `true`, one-item arrays, `"x"`; scripted labels override
top-level fields. Each request is recorded. Behaviours are scripted per request; when the script is
used up, the default mode answers:

    with FakeOpenAI() as fake:
        fake.script("500", Behaviour("ok", {"category": "technical"}))
        client = AsyncOpenAI(api_key="sk-test", base_url=fake.base_url, max_retries=0)

Modes: ok, timeout (hangs until closed or `hang_seconds`), refusal, malformed (content not JSON),
truncated (finish_reason "length"), invalid (urgency_score 42), quota (429 insufficient_quota), or an
HTTP status such as 500, 429, 401 (whose error message quotes the key it got, as a worst case for
leak tests).

Standalone, for the full stack (`OPENAI_BASE_URL=http://127.0.0.1:8199/v1`):

    python -m tests.fakes.openai_server --port 8199 --mode ok --label category=technical

and script it over HTTP: `POST /fake/script {"behaviours": ["429", "ok"], "mode": "ok"}`,
`GET /fake/requests`, `POST /fake/reset`.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import re
import threading
import time
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

NAMED_MODES = ("ok", "timeout", "refusal", "malformed", "truncated", "invalid", "quota")
COMPLETION_PATHS = ("/v1/chat/completions", "/chat/completions")
_RANGE = re.compile(r"from\s+(-?\d+)\s+to\s+(-?\d+)")


@dataclass(frozen=True)
class Behaviour:
    """How the fake answers one request: a mode, and for `ok` the labels to put in the answer."""

    mode: str = "ok"
    labels: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.mode not in NAMED_MODES and not (self.mode.isdigit() and 400 <= int(self.mode) <= 599):
            raise ValueError(f"unknown fake mode {self.mode!r}: use one of {NAMED_MODES} or a 4xx/5xx status")

    @property
    def status(self) -> int:
        if self.mode == "quota":
            return 429
        return int(self.mode) if self.mode.isdigit() else 200


@dataclass(frozen=True)
class RecordedRequest:
    """One request the fake received."""

    path: str
    headers: dict[str, str]
    body: dict[str, Any]

    @property
    def messages(self) -> list[dict[str, Any]]:
        return list(self.body.get("messages", []))

    @property
    def temperature(self) -> float | None:
        return self.body.get("temperature")

    @property
    def json_schema(self) -> dict[str, Any]:
        """`response_format.json_schema` as sent: name, strict and schema."""
        return dict((self.body.get("response_format") or {}).get("json_schema") or {})

    @property
    def schema(self) -> dict[str, Any] | None:
        return self.json_schema.get("schema")

    def content(self, role: str) -> str:
        """The text of every message with `role`, joined."""
        return "\n".join(str(m.get("content") or "") for m in self.messages if m.get("role") == role)


def _as_behaviour(item: str | Behaviour | Mapping[str, Any]) -> Behaviour:
    if isinstance(item, Behaviour):
        return item
    if isinstance(item, str):
        return Behaviour(item)
    return Behaviour(str(item.get("mode", "ok")), dict(item.get("labels") or {}))


class FakeOpenAI:
    """The fake server; a context manager that starts it on an ephemeral loopback port."""

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        mode: str | Behaviour = "ok",
        labels: Mapping[str, Any] | None = None,
        response_model: str | None = None,
        hang_seconds: float = 30.0,
        quiet: bool = True,
    ) -> None:
        self.default = Behaviour(mode, labels or {}) if isinstance(mode, str) else mode
        self.response_model = response_model
        self.hang_seconds = hang_seconds
        self.quiet = quiet
        self._script: deque[Behaviour] = deque()
        self._requests: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._closing = threading.Event()
        self._ids = itertools.count(1)
        self._host = host
        self._server = ThreadingHTTPServer((host, port), _Handler)
        self._server.daemon_threads = True
        self._server.fake = self  # type: ignore[attr-defined]
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://{self._host}:{self.port}/v1"

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    def script(self, *behaviours: str | Behaviour | Mapping[str, Any]) -> None:
        """Queue how the next requests are answered, in order; then the default mode answers."""
        queued = [_as_behaviour(item) for item in behaviours]
        with self._lock:
            self._script.extend(queued)

    def set_mode(self, mode: str, labels: Mapping[str, Any] | None = None) -> None:
        """Change how requests are answered once the script is used up."""
        self.default = Behaviour(mode, labels or {})

    def reset(self) -> None:
        """Forget recorded requests and the script."""
        with self._lock:
            self._script.clear()
            self._requests.clear()

    def start(self) -> FakeOpenAI:
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve in this thread until interrupted (the standalone entry point)."""
        self._server.serve_forever(poll_interval=0.2)

    def close(self) -> None:
        self._closing.set()
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
        self._server.server_close()

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _record(self, path: str, headers: dict[str, str], body: dict[str, Any]) -> Behaviour:
        with self._lock:
            self._requests.append(RecordedRequest(path=path, headers=headers, body=body))
            return self._script.popleft() if self._script else self.default

    def _hang(self) -> bool:
        """Wait as a slow server would; False when the fake is closing and should just drop the call."""
        return not self._closing.wait(self.hang_seconds)

    def _completion(self, body: dict[str, Any], behaviour: Behaviour) -> dict[str, Any]:
        schema = ((body.get("response_format") or {}).get("json_schema") or {}).get("schema")
        answer = sample(schema, schema, behaviour.labels) if schema else {"answer": "x"}
        finish_reason = "stop"
        text = json.dumps(answer, ensure_ascii=False)
        content: str | None = text
        refusal = None
        if behaviour.mode == "refusal":
            content, refusal = None, "I'm sorry, I can't help with that request."
        elif behaviour.mode == "malformed":
            content = "Sure! The category is technical and it is quite urgent."
        elif behaviour.mode == "truncated":
            content, finish_reason = text[: len(text) // 2], "length"
        elif behaviour.mode == "invalid":
            answer = {**answer, "urgency_score": 42} if "urgency_score" in answer else {"unexpected": 42}
            content = json.dumps(answer, ensure_ascii=False)
        prompt_chars = sum(len(str(message.get("content") or "")) for message in body.get("messages", []))
        prompt_tokens = math.ceil(prompt_chars / 4)
        completion_tokens = math.ceil(len(content or refusal or "") / 4)
        return {
            "id": f"chatcmpl-fake-{next(self._ids)}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": self.response_model or f"{body.get('model', 'gpt-4o')}-fake",
            "system_fingerprint": "fp_fake",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content, "refusal": refusal},
                    "finish_reason": finish_reason,
                    "logprobs": None,
                }
            ],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
        }


def sample(schema: Any, root: Any, overrides: Mapping[str, Any] | None = None) -> Any:
    """A value that conforms to `schema`; `overrides` replace top-level object properties."""
    if not isinstance(schema, dict):
        return "x"
    if "$ref" in schema:
        target: Any = root
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        return sample(target, root, overrides)
    for union in ("anyOf", "oneOf"):
        if schema.get(union):
            return sample(schema[union][0], root, overrides)
    if "enum" in schema:
        return schema["enum"][0]
    if "const" in schema:
        return schema["const"]
    kind = schema.get("type", "object")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind == "object":
        properties = schema.get("properties", {})
        value = {name: sample(sub, root) for name, sub in properties.items()}
        value.update(overrides or {})
        return value
    if kind == "array":
        return [sample(schema.get("items", {"type": "string"}), root)]
    if kind in ("integer", "number"):
        low, high = _bounds(schema)
        return 5 if low <= 5 <= high else low
    if kind == "boolean":
        return True
    if kind == "null":
        return None
    return "x"


def _bounds(schema: dict[str, Any]) -> tuple[int, int]:
    match = _RANGE.search(str(schema.get("description", "")))
    low = schema.get("minimum", int(match.group(1)) if match else -(10**9))
    high = schema.get("maximum", int(match.group(2)) if match else 10**9)
    return int(low), int(high)


_ERRORS: dict[int, tuple[str, str | None]] = {
    400: ("invalid_request_error", None),
    401: ("invalid_request_error", "invalid_api_key"),
    403: ("invalid_request_error", "unsupported_country_region_territory"),
    404: ("invalid_request_error", "model_not_found"),
    429: ("requests", "rate_limit_exceeded"),
}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 60
    server: ThreadingHTTPServer

    @property
    def fake(self) -> FakeOpenAI:
        return self.server.fake  # type: ignore[attr-defined, no-any-return]

    def log_message(self, format: str, *args: Any) -> None:
        if not self.fake.quiet:
            super().log_message(format, *args)

    def handle(self) -> None:
        try:
            super().handle()
        except (ConnectionError, TimeoutError):
            pass

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == "/fake/requests":
            requests = [{"path": r.path, "body": r.body} for r in self.fake.requests]
            self._send(200, {"count": len(requests), "requests": requests})
        elif path == "/health":
            self._send(200, {"status": "ok"})
        else:
            self._send(404, _error_body(404, f"no route {path}"))

    def do_POST(self) -> None:
        path = self.path.split("?", 1)[0]
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            self._send(400, _error_body(400, "We could not parse the JSON body of your request."))
            return
        if path == "/fake/script":
            self.fake.script(*body.get("behaviours", []))
            if "mode" in body:
                self.fake.set_mode(str(body["mode"]), body.get("labels"))
            self._send(200, {"scripted": len(body.get("behaviours", []))})
        elif path == "/fake/reset":
            self.fake.reset()
            self._send(200, {"reset": True})
        elif path in COMPLETION_PATHS:
            self._complete(path, body)
        else:
            self._send(404, _error_body(404, f"no route {path}"))

    def _complete(self, path: str, body: dict[str, Any]) -> None:
        headers = {key.lower(): value for key, value in self.headers.items()}
        behaviour = self.fake._record(path, headers, body)
        if behaviour.mode == "timeout" and not self.fake._hang():
            self.close_connection = True
            return
        status = behaviour.status
        if status == 200:
            self._send(200, self.fake._completion(body, behaviour))
            return
        if behaviour.mode == "quota":
            error = _error_body(429, "You exceeded your current quota.", code="insufficient_quota")
            self._send(429, error)
            return
        message = {
            401: f"Incorrect API key provided: {headers.get('authorization', '').removeprefix('Bearer ')}.",
            429: "Rate limit reached for requests. Please try again in 1s.",
        }.get(status, "The server had an error while processing your request.")
        self._send(status, _error_body(status, message), {"retry-after": "1"} if status == 429 else {})

    def _send(self, status: int, payload: dict[str, Any], extra: Mapping[str, str] | None = None) -> None:
        data = json.dumps(payload, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("x-request-id", f"req_fake_{next(self.fake._ids)}")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)


def _error_body(status: int, message: str, *, code: str | None = None) -> dict[str, Any]:
    kind, default_code = _ERRORS.get(status, ("server_error", None))
    code = code or default_code
    return {"error": {"message": message, "type": kind, "param": None, "code": code}}


def _label(text: str) -> tuple[str, Any]:
    key, _, value = text.partition("=")
    try:
        return key, json.loads(value)
    except ValueError:
        return key, value


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Fake OpenAI Chat Completions server for local runs.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8199)
    parser.add_argument("--mode", default="ok", help=f"{', '.join(NAMED_MODES)} or an HTTP status")
    parser.add_argument("--label", action="append", default=[], help="KEY=VALUE in ok answers, repeatable")
    parser.add_argument("--model", default=None, help="model name to answer with")
    parser.add_argument("--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    fake = FakeOpenAI(
        host=args.host,
        port=args.port,
        mode=args.mode,
        labels=dict(_label(item) for item in args.label),
        response_model=args.model,
        quiet=not args.verbose,
    )
    print(f"fake OpenAI at {fake.base_url} (mode {args.mode})", flush=True)
    try:
        fake.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        fake.close()


if __name__ == "__main__":
    main()
