"""`sha256=` HMAC signatures are checked over the raw bytes, and nothing else passes."""

from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path

import pytest

from izer.ingest.signature import sign, verify_signature

PAYLOADS = Path(__file__).resolve().parent / "payloads"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "whatsapp"
SECRET = "izer-test-app-secret"


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the published payloads live beside the repository")
    return SHARED


def test_sign_matches_the_rfc_4231_hmac_sha256_vector() -> None:
    digest = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    assert sign(b"what do ya want for nothing?", "Jefe") == "sha256=" + digest


def test_the_published_pywa_triple_verifies(shared: Path) -> None:
    triple = json.loads((shared / "signature_pywa_triple.json").read_text(encoding="utf-8"))
    body = (shared / triple["body_file"]).read_bytes()
    assert len(body) == triple["body_length_bytes"]
    assert hashlib.sha256(body).hexdigest() == triple["body_sha256_of_exact_bytes"]
    assert verify_signature(body, triple["x_hub_signature_256"], triple["app_secret"])
    assert sign(body, triple["app_secret"]) == triple["x_hub_signature_256"]


def test_the_published_pywa_triple_fails_on_a_pretty_printed_body(shared: Path) -> None:
    triple = json.loads((shared / "signature_pywa_triple.json").read_text(encoding="utf-8"))
    body = (shared / triple["body_file"]).read_bytes()
    pretty = json.dumps(json.loads(body), indent=2).encode()
    assert not verify_signature(pretty, triple["x_hub_signature_256"], triple["app_secret"])
    assert not verify_signature(body + b"\n", triple["x_hub_signature_256"], triple["app_secret"])


def test_the_waha_sha512_triple_is_not_a_meta_signature(shared: Path) -> None:
    triple = json.loads((shared / "signature_waha_triple.json").read_text(encoding="utf-8"))
    body = (shared / triple["body_file"]).read_bytes()
    key = triple["hmac_key"]
    # The triple is genuine: WAHA's own scheme reproduces it ...
    assert hmac.new(key.encode(), body, hashlib.sha512).hexdigest() == triple["x_webhook_hmac"]
    # ... yet neither the bare header nor the same digest behind a sha256= prefix passes.
    assert not verify_signature(body, triple["x_webhook_hmac"], key)
    assert not verify_signature(body, "sha256=" + triple["x_webhook_hmac"], key)
    assert not verify_signature(body, "sha512=" + triple["x_webhook_hmac"], key)


REENCODINGS = {
    "utf-8 literal": lambda data: json.dumps(data, indent=2, ensure_ascii=False) + "\n",
    "u-escaped": lambda data: json.dumps(data, indent=2) + "\n",
    "compact": lambda data: json.dumps(data, separators=(",", ":"), ensure_ascii=False),
}
# Each fixture holds "İzer" one way: Meta's escaped form, or literal UTF-8.
TURKISH_I = {"batch_two_entries.json": b"\\u0130zer", "all_types.json": "İzer".encode()}


@pytest.mark.parametrize(
    ("name", "reencoding", "same_bytes"),
    [
        ("batch_two_entries.json", "utf-8 literal", False),
        ("batch_two_entries.json", "compact", False),
        ("batch_two_entries.json", "u-escaped", True),
        ("all_types.json", "u-escaped", False),
        ("all_types.json", "compact", False),
        ("all_types.json", "utf-8 literal", True),
    ],
)
def test_non_ascii_bodies_are_signed_over_their_raw_bytes(name: str, reencoding: str, same_bytes: bool) -> None:
    """Only a re-serialization that happens to give back the very same bytes keeps the signature."""
    raw = (PAYLOADS / name).read_bytes()
    assert TURKISH_I[name] in raw
    header = sign(raw, SECRET)
    assert verify_signature(raw, header, SECRET)
    reencoded = REENCODINGS[reencoding](json.loads(raw)).encode("utf-8")
    assert (reencoded == raw) is same_bytes
    assert verify_signature(reencoded, header, SECRET) is same_bytes


def test_uppercase_hex_and_surrounding_spaces_are_tolerated() -> None:
    body = "Fren balatası bitti 🚲".encode()
    digest = sign(body, SECRET).removeprefix("sha256=")
    assert verify_signature(body, "sha256=" + digest.upper(), SECRET)
    assert verify_signature(body, f"  sha256={digest} ", SECRET)


def _refused_headers() -> dict[str, str | None]:
    body = b'{"object":"whatsapp_business_account","entry":[]}'
    good = sign(body, SECRET)
    digest = good.removeprefix("sha256=")
    flipped = digest[:-1] + ("0" if digest[-1] != "0" else "1")
    return {
        "missing": None,
        "empty": "",
        "prefix only": "sha256=",
        "no prefix": digest,
        "uppercase prefix": "SHA256=" + digest,
        "sha1": "sha1=" + hmac.new(SECRET.encode(), body, hashlib.sha1).hexdigest(),
        "truncated by one": good[:-1],
        "truncated to half": good[: len("sha256=") + 32],
        "one digit too many": good + "0",
        "last digit changed": "sha256=" + flipped,
        "other secret": sign(body, "another-secret"),
        "not hex": "sha256=" + "g" * 64,
        "two signatures": f"{good},{good}",
    }


@pytest.mark.parametrize("header", _refused_headers().values(), ids=_refused_headers().keys())
def test_forged_truncated_and_missing_headers_are_refused(header: str | None) -> None:
    body = b'{"object":"whatsapp_business_account","entry":[]}'
    assert verify_signature(body, sign(body, SECRET), SECRET)
    assert not verify_signature(body, header, SECRET)


def test_a_changed_body_fails_its_signature() -> None:
    body = b'{"text":"Merhaba"}'
    assert not verify_signature(b'{"text":"Merhaba!"}', sign(body, SECRET), SECRET)


def test_an_empty_secret_is_a_configuration_error() -> None:
    with pytest.raises(ValueError, match="WHATSAPP_APP_SECRET"):
        verify_signature(b"{}", "sha256=" + "0" * 64, "")
    with pytest.raises(ValueError, match="secret is empty"):
        sign(b"{}", "")
