"""Payload encryption for everything Temporal stores: message texts, names and phone numbers in workflow
inputs, activity results, signals, updates, queries, summaries and failures.

`PAYLOAD_ENCRYPTION_KEY` holds one key or several for rotation: `KEY` or `ID:KEY,ID:KEY,...`, each KEY 32
bytes in base64 (`python -c "import base64, os; print(base64.b64encode(os.urandom(32)).decode())"`). The
first key encrypts; every listed key decrypts, found by the key id in the payload's metadata. A key given
without an id is named by its fingerprint. Payloads written before encryption was turned on (or by a
workflow history recorded without a key) pass through unchanged.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from collections.abc import Sequence

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from temporalio.api.common.v1 import Payload
from temporalio.converter import PayloadCodec

ENCODING = b"binary/encrypted"
KEY_ID = "encryption-key-id"
NONCE_BYTES = 12


class EncryptionKeyError(ValueError):
    """PAYLOAD_ENCRYPTION_KEY cannot be read, or a payload names a key that is not configured."""


def parse_keys(value: str) -> list[tuple[str, bytes]]:
    """`KEY` or `ID:KEY,ID:KEY,...` → [(id, 32-byte key)], the encrypting key first."""
    keys: list[tuple[str, bytes]] = []
    for position, item in enumerate(part.strip() for part in value.split(",")):
        if not item:
            continue
        key_id, _, encoded = item.rpartition(":") if ":" in item else ("", "", item)
        try:
            key = base64.b64decode(encoded.strip(), validate=True)
        except (binascii.Error, ValueError):
            raise EncryptionKeyError(f"PAYLOAD_ENCRYPTION_KEY key {position + 1} is not base64") from None
        if len(key) != 32:
            raise EncryptionKeyError(
                f"PAYLOAD_ENCRYPTION_KEY key {position + 1} is {len(key)} bytes; AES-256-GCM needs 32 "
                '(python -c "import base64, os; print(base64.b64encode(os.urandom(32)).decode())")'
            )
        key_id = key_id.strip() or hashlib.sha256(key).hexdigest()[:12]
        if any(existing == key_id for existing, _ in keys):
            raise EncryptionKeyError(f"PAYLOAD_ENCRYPTION_KEY names key id {key_id!r} twice")
        keys.append((key_id, key))
    if not keys:
        raise EncryptionKeyError("PAYLOAD_ENCRYPTION_KEY is empty")
    return keys


class EncryptionCodec(PayloadCodec):
    """AES-256-GCM over each whole serialized payload (its metadata too); the key id is bound to the
    ciphertext as associated data, so a payload cannot be passed off under another key's id."""

    def __init__(self, keys: Sequence[tuple[str, bytes]]) -> None:
        if not keys:
            raise EncryptionKeyError("at least one key is needed")
        self._encrypting = keys[0][0]
        self._ciphers = {key_id: AESGCM(key) for key_id, key in keys}

    @classmethod
    def from_setting(cls, value: str) -> EncryptionCodec:
        return cls(parse_keys(value))

    @property
    def key_id(self) -> str:
        return self._encrypting

    async def encode(self, payloads: Sequence[Payload]) -> list[Payload]:
        return [self.encrypt(payload) for payload in payloads]

    async def decode(self, payloads: Sequence[Payload]) -> list[Payload]:
        return [self.decrypt(payload) for payload in payloads]

    def encrypt(self, payload: Payload) -> Payload:
        nonce = os.urandom(NONCE_BYTES)
        key_id = self._encrypting.encode()
        sealed = self._ciphers[self._encrypting].encrypt(nonce, payload.SerializeToString(), key_id)
        return Payload(metadata={"encoding": ENCODING, KEY_ID: key_id}, data=nonce + sealed)

    def decrypt(self, payload: Payload) -> Payload:
        if payload.metadata.get("encoding") != ENCODING:
            return payload
        key_id = payload.metadata.get(KEY_ID, b"").decode()
        cipher = self._ciphers.get(key_id)
        if cipher is None:
            raise EncryptionKeyError(
                f"a payload was encrypted with key {key_id!r}, which PAYLOAD_ENCRYPTION_KEY does not list"
            )
        data = payload.data
        plain = cipher.decrypt(data[:NONCE_BYTES], data[NONCE_BYTES:], key_id.encode())
        decoded = Payload()
        decoded.ParseFromString(plain)
        return decoded
