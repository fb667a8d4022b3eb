"""Local receivers of escalation notices: an SMTP server (aiosmtpd) that keeps every e-mail, and an HTTP
server that keeps every POST by path and can be told to fail a path a number of times first."""

from __future__ import annotations

import email
import email.policy
import socket
import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from aiosmtpd.controller import Controller


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Mail:
    subject: str
    body: str
    to: list[str]
    at: float


class SMTPReceiver:
    """A real SMTP server on loopback, plain text (no TLS, no auth): `mailto://127.0.0.1:{port}?...`."""

    def __init__(self) -> None:
        self.port = _free_port()
        self.mails: list[Mail] = []
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd's API
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        part = message.get_body(preferencelist=("plain", "html"))
        body = part.get_content() if part is not None else ""
        self.mails.append(Mail(str(message["subject"]), body, list(envelope.rcpt_tos), time.monotonic()))
        return "250 OK"

    def url(self, to: str = "team@izer.test") -> str:
        return f"mailto://127.0.0.1:{self.port}?to={to}&from=izer@izer.test&mode=insecure"

    def __enter__(self) -> SMTPReceiver:
        self._controller.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._controller.stop()


class HTTPReceiver:
    """Keeps each POST body by path; `fail(path, n)` answers 503 to the first n POSTs on that path."""

    def __init__(self) -> None:
        self.posts: dict[str, list[bytes]] = defaultdict(list)
        self.refused: dict[str, int] = defaultdict(int)
        self._failures: dict[str, int] = {}
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - the http.server API
                raw = self.rfile.read(int(self.headers.get("content-length") or 0))
                with receiver._lock:
                    if receiver._failures.get(self.path, 0) > 0:
                        receiver._failures[self.path] -= 1
                        receiver.refused[self.path] += 1
                        status = 503
                    else:
                        receiver.posts[self.path].append(raw)
                        status = 200
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *_: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"127.0.0.1:{self._server.server_address[1]}"

    def fail(self, path: str, times: int) -> None:
        with self._lock:
            self._failures[path] = times

    def __enter__(self) -> HTTPReceiver:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *_: object) -> None:
        self._server.shutdown()
        self._server.server_close()
