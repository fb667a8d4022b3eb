"""Security headers on every answer of the API: HTML pages, JSON, Prometheus text and static files."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import Request, Response

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
"""No inline script or style, nothing from elsewhere, never in a frame."""

HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    """Set the headers unless a route chose its own policy (`/docs` allows Swagger UI's script by hash).
    HSTS is the HTTPS proxy's (deploy/Caddyfile): the API itself speaks plain HTTP."""
    response = await call_next(request)
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response
