"""connect_options: the Temporal SDK's own options for a self-hosted cluster with mTLS and Temporal Cloud."""

from __future__ import annotations

from pathlib import Path

import pytest
from temporalio.client import TLSConfig
from temporalio.contrib.pydantic import pydantic_data_converter

from izer.settings import Settings
from izer.temporal import connect_options


def settings(**values: object) -> Settings:
    """Settings from these values only: no .env, and nothing the test machine's environment sets for Temporal."""
    defaults: dict[str, object] = {"temporal_tls_cert": None, "temporal_tls_key": None, "temporal_api_key": None}
    return Settings(_env_file=None, **{**defaults, **values})  # type: ignore[call-arg, arg-type]


def certificates(tmp_path: Path) -> tuple[Path, bytes, Path, bytes]:
    cert, key = tmp_path / "client.pem", tmp_path / "client.key"
    cert_bytes = b"-----BEGIN CERTIFICATE-----\nMIIBizer\n-----END CERTIFICATE-----\n"
    key_bytes = b"-----BEGIN PRIVATE KEY-----\nMIIEizer\n-----END PRIVATE KEY-----\n"
    cert.write_bytes(cert_bytes)
    key.write_bytes(key_bytes)
    return cert, cert_bytes, key, key_bytes


def test_plain_connection_for_a_cluster_on_a_private_network() -> None:
    options = connect_options(settings(temporal_namespace="izer"))
    assert options["tls"] is False and options["api_key"] is None
    assert options["namespace"] == "izer" and options["data_converter"] is pydantic_data_converter


def test_mtls_passes_the_client_certificate_and_key_bytes(tmp_path: Path) -> None:
    cert, cert_bytes, key, key_bytes = certificates(tmp_path)
    options = connect_options(
        settings(temporal_tls_cert=str(cert), temporal_tls_key=str(key), temporal_namespace="izer.a1b2c")
    )
    tls = options["tls"]
    assert isinstance(tls, TLSConfig)
    assert tls.client_cert == cert_bytes and tls.client_private_key == key_bytes
    assert options["api_key"] is None and options["namespace"] == "izer.a1b2c"


def test_an_api_key_turns_tls_on() -> None:
    options = connect_options(settings(temporal_api_key="tcld-secret-key", temporal_namespace="izer.a1b2c"))
    assert options["tls"] is True
    assert options["api_key"] == "tcld-secret-key"


def test_an_api_key_keeps_the_client_certificate(tmp_path: Path) -> None:
    cert, cert_bytes, key, _ = certificates(tmp_path)
    options = connect_options(
        settings(temporal_tls_cert=str(cert), temporal_tls_key=str(key), temporal_api_key="tcld-secret-key")
    )
    assert isinstance(options["tls"], TLSConfig) and options["tls"].client_cert == cert_bytes
    assert options["api_key"] == "tcld-secret-key"


def test_a_certificate_without_its_key_is_refused(tmp_path: Path) -> None:
    cert, _, _, _ = certificates(tmp_path)
    with pytest.raises(ValueError, match="TEMPORAL_TLS_KEY"):
        connect_options(settings(temporal_tls_cert=str(cert)))
