"""Settings from the environment: durations, the database URL, agents, and what production refuses."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError

from api import create_app
from izer.domain import normalize_phone
from izer.settings import Settings, parse_duration


@pytest.mark.parametrize(
    ("text", "seconds"), [("4s", 4), ("15m", 900), ("1h", 3600), ("2d", 172800), ("90", 90), ("1.5h", 5400)]
)
def test_durations(text: str, seconds: float) -> None:
    assert parse_duration(text) == timedelta(seconds=seconds)


def test_a_bad_duration_names_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLA_IMMEDIATE", "soon")
    with pytest.raises(ValidationError, match="sla_immediate"):
        Settings(_env_file=None)  # type: ignore[call-arg]


def test_the_original_systems_db_keys_make_the_mysql_url(monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in {"DB_HOST": "db.local", "DB_USER": "izer", "DB_PASSWORD": "p@ss:w", "DB_NAME": "wa"}.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    url = Settings(_env_file=None).sqlalchemy_url  # type: ignore[call-arg]
    assert url == "mysql+pymysql://izer:p%40ss%3Aw@db.local:3306/wa?charset=utf8mb4"
    monkeypatch.setenv("DATABASE_URL", "sqlite:///x.db")
    assert Settings(_env_file=None).sqlalchemy_url == "sqlite:///x.db"  # type: ignore[call-arg]


def test_extra_agents_come_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXTRA_AGENTS", '[{"name": "rentals", "url": "http://r", "categories": ["support"]}]')
    agents = Settings(_env_file=None).agents()  # type: ignore[call-arg]
    assert agents[0].name == "rentals" and agents[-1].name == "agent_hub"


def test_production_refuses_to_start_without_secrets(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, env="production", database_url=f"sqlite:///{tmp_path}/x.db")  # type: ignore[call-arg]
    app = create_app(settings)

    async def start() -> None:
        async with app.router.lifespan_context(app):
            pass

    with pytest.raises(RuntimeError, match="WEBHOOK_SECRET.*API_TOKEN"):
        asyncio.run(start())


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("+90 555 123 45 67", "+905551234567"),
        ("905551234567", "+905551234567"),
        ("0090-555-123-4567", "+905551234567"),
        ("(0555) 123 45 67", "05551234567"),
    ],
)
def test_phone_numbers_take_one_form(raw: str, normal: str) -> None:
    assert normalize_phone(raw) == normal
