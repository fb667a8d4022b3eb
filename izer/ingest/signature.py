"""HMAC-SHA256 webhook signatures: `sha256=<lowercase hex>` over the raw request body.

Meta signs its Cloud API webhooks this way in `X-Hub-Signature-256` (key: the app secret,
WHATSAPP_APP_SECRET), and the bridge signs its deliveries the same way in `X-Signature-256`
(key: WEBHOOK_SECRET). The digest covers the bytes exactly as they arrived: Meta escapes
non-ASCII characters as `\\uXXXX`, so JSON decoded and encoded again no longer matches.
"""

from __future__ import annotations

import hashlib
import hmac
import re

SIGNATURE_PREFIX = "sha256="
_HEX_DIGEST = re.compile(r"[0-9a-fA-F]{64}")


def _key(secret: str) -> bytes:
    if not secret:
        raise ValueError("the signing secret is empty: set WHATSAPP_APP_SECRET or WEBHOOK_SECRET")
    return secret.encode("utf-8")


def sign(body: bytes, secret: str) -> str:
    """Return the header value for `body`: `sha256=` and the lowercase hex HMAC-SHA256."""
    return SIGNATURE_PREFIX + hmac.new(_key(secret), body, hashlib.sha256).hexdigest()


def verify_signature(body: bytes, header: str | None, secret: str) -> bool:
    """Whether `header` is `sha256=<64 hex digits>` and matches `body` signed with `secret`.

    A missing header, another algorithm (WAHA's bare SHA-512 hex, `sha1=`), a truncated digest
    or a forged one all give False. The comparison takes constant time. An empty secret raises
    ValueError: it is a configuration mistake, not a bad request.
    """
    expected = sign(body, secret)
    if header is None:
        return False
    header = header.strip()
    if not header.startswith(SIGNATURE_PREFIX):
        return False
    digest = header[len(SIGNATURE_PREFIX) :]
    if not _HEX_DIGEST.fullmatch(digest):
        return False
    return hmac.compare_digest(expected, SIGNATURE_PREFIX + digest.lower())
