"""One settings class for every entry point, read from the environment and `.env`."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import quote_plus

from pydantic import BeforeValidator, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from izer.domain import AgentSpec

DEFAULT_MODEL_PATH = Path(__file__).resolve().parent / "analysis" / "model" / "izer-text-model.npz"

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$")
_UNIT_SECONDS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, None: 1}


def parse_duration(value: Any) -> timedelta:
    """Read `4s`, `15m`, `1h`, `2d` or a number of seconds as a timedelta."""
    if isinstance(value, timedelta):
        return value
    if isinstance(value, int | float):
        return timedelta(seconds=value)
    match = _DURATION.match(str(value))
    if not match:
        raise ValueError(f"not a duration: {value!r} (use e.g. 4s, 15m, 1h)")
    return timedelta(seconds=float(match.group(1)) * _UNIT_SECONDS[match.group(2)])


Duration = Annotated[timedelta, BeforeValidator(parse_duration)]


def split_urls(value: str) -> list[str]:
    """Apprise URLs, comma or space separated (a URL holds neither unencoded)."""
    return [part for part in re.split(r"[\s,]+", value) if part]


def _split_names(value: Any) -> Any:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


class Settings(BaseSettings):
    """Everything configurable, with safe embedded defaults."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    env: Literal["development", "production", "test"] = "development"
    host: str = "127.0.0.1"
    port: int = 8100
    data_dir: str = ".data"

    database_url: str | None = None
    db_host: str | None = None
    db_port: int = 3306
    db_user: str = "root"
    db_password: SecretStr = SecretStr("")
    db_name: str = "whatsapp_webhook"
    database_auto_create: bool | None = Field(
        default=None, description="create missing tables at start; default: yes, except with ENV=production"
    )

    temporal_address: str = "localhost:7233"
    temporal_namespace: str = "default"
    temporal_task_queue: str = "izer-messages"
    temporal_ui_url: str = "http://localhost:8233"
    public_url: str = "http://localhost:8100"
    temporal_tls_cert: str | None = None
    temporal_tls_key: str | None = None
    temporal_api_key: SecretStr | None = None

    openai_api_key: SecretStr | None = None
    openai_base_url: str | None = None
    openai_model: str = "gpt-4o"
    openai_timeout: Duration = timedelta(seconds=30)
    llm_max_attempts: int = Field(default=3, ge=1)
    analyzer: Literal["combined", "rules"] = "combined"
    model_path: str = str(DEFAULT_MODEL_PATH)

    agent_general_purpose_url: str = "http://127.0.0.1:8095"
    agent_business_workflow_url: str = "http://127.0.0.1:8093"
    agent_code_debugger_url: str = "http://127.0.0.1:8094"
    agent_hub_url: str = "http://127.0.0.1:8092"
    extra_agents: Annotated[list[AgentSpec], NoDecode] = Field(default_factory=list)
    agent_timeout: Duration = timedelta(seconds=10)
    agent_max_attempts: int = Field(default=3, ge=1)
    agent_reply_counts_as_answer: bool = False
    priority_floor_refresh: Duration = timedelta(seconds=30)

    sla_immediate: Duration = timedelta(minutes=15)
    sla_1hour: Duration = timedelta(hours=1)
    sla_4hours: Duration = timedelta(hours=4)
    sla_24hours: Duration = timedelta(hours=24)
    sla_warn_at: float = Field(default=0.8, ge=0, le=1)
    escalation_levels: int = Field(default=3, ge=1, le=10)
    escalation_growth: float = Field(default=2.0, ge=1)
    escalation_webhook_url: str | None = None
    escalation_management_url: str | None = None
    escalation_team_urls: SecretStr | None = None
    escalation_management_urls: SecretStr | None = None
    notify_language: Literal["tr", "en"] = "tr"
    management_quiet_hours: str | None = None
    business_hours: str = "Mon-Sat 09:00-19:00"
    business_timezone: str = "Europe/Istanbul"
    business_holidays: str | None = None
    wall_clock_response_times: Annotated[list[str], NoDecode] = Field(default_factory=lambda: ["immediate", "1hour"])
    business_sender_names: Annotated[list[str], NoDecode] = Field(default_factory=lambda: ["İzer", "İzmir Merkez"])

    webhook_sync_timeout: Duration = timedelta(seconds=10)
    webhook_secret: SecretStr | None = None
    whatsapp_verify_token: SecretStr | None = None
    whatsapp_app_secret: SecretStr | None = None
    api_token: SecretStr | None = None
    whatsapp_access_token: SecretStr | None = None
    whatsapp_phone_number_id: str | None = None
    graph_api_url: str = "https://graph.facebook.com"
    graph_api_version: str = Field(default="v21.0", pattern=r"^v\d+\.\d+$")
    whatsapp_reply_template: str | None = None
    whatsapp_template_language: str = "tr"
    reply_timeout: Duration = timedelta(seconds=15)
    reply_confirm_window: Duration = timedelta(seconds=60)
    any_sent_status_answers: bool = False
    max_body_bytes: int = 256 * 1024
    max_history_entries: int = 100

    search_attributes: bool = True
    log_format: Literal["text", "json"] = "text"
    log_level: str = "INFO"
    log_file: str | None = None
    otel_exporter_otlp_endpoint: str | None = None
    otel_service_name: str = "izer"
    stats_interval: Duration = timedelta(minutes=5)
    worker_metrics_port: int | None = 9464
    worker_metrics_host: str = "127.0.0.1"
    payload_encryption_key: SecretStr | None = None
    worker_max_concurrent_activities: int = 100
    worker_max_concurrent_workflow_tasks: int = 100
    worker_max_cached_workflows: int = 1000

    @field_validator("business_sender_names", "wall_clock_response_times", mode="before")
    @classmethod
    def _names(cls, value: Any) -> Any:
        return _split_names(value)

    @field_validator("management_quiet_hours")
    @classmethod
    def _quiet_hours(cls, value: str | None, info: Any) -> str | None:
        from izer.sla.quiet import QuietHours

        QuietHours.parse(value, info.data.get("business_timezone", "Europe/Istanbul"))
        return value

    @field_validator("worker_metrics_port", mode="before")
    @classmethod
    def _port_or_off(cls, value: Any) -> Any:
        """An empty WORKER_METRICS_PORT turns the worker's metrics endpoint off, as 0 does."""
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("extra_agents", mode="before")
    @classmethod
    def _agents(cls, value: Any) -> Any:
        if isinstance(value, str):
            return json.loads(value) if value.strip() else []
        return value

    @cached_property
    def sqlalchemy_url(self) -> str:
        """DATABASE_URL, else the original system's DB_* keys, else SQLite under the data dir."""
        if self.database_url:
            return self.database_url
        if self.db_host:
            password = quote_plus(self.db_password.get_secret_value())
            auth = f"{quote_plus(self.db_user)}:{password}" if password else quote_plus(self.db_user)
            return f"mysql+pymysql://{auth}@{self.db_host}:{self.db_port}/{self.db_name}?charset=utf8mb4"
        return f"sqlite:///{self.data_dir}/izer.db"

    @property
    def creates_schema(self) -> bool:
        """Whether the API and the worker create missing tables at start (else migrations own them)."""
        if self.database_auto_create is not None:
            return self.database_auto_create
        return self.env != "production"

    @property
    def replies_enabled(self) -> bool:
        """Replies go through the WhatsApp Cloud API when its token and phone number id are set."""
        token = self.whatsapp_access_token
        return bool(token and token.get_secret_value() and self.whatsapp_phone_number_id)

    def notification_urls(self, group: Literal["team", "management"]) -> list[str]:
        """ESCALATION_TEAM_URLS or ESCALATION_MANAGEMENT_URLS as a list (they hold secrets: never log them)."""
        value = self.escalation_team_urls if group == "team" else self.escalation_management_urls
        return split_urls(value.get_secret_value()) if value else []

    @property
    def uses_openai(self) -> bool:
        return bool(self.openai_api_key and self.openai_api_key.get_secret_value())

    def sla_for(self, response_time: str) -> timedelta:
        """The time allowed for a recommended response time label."""
        return {
            "immediate": self.sla_immediate,
            "1hour": self.sla_1hour,
            "4hours": self.sla_4hours,
            "24hours": self.sla_24hours,
        }[response_time]

    def agents(self) -> list[AgentSpec]:
        """Configured extra agents first (they win on a match), then the four built-in ones."""
        return [
            *self.extra_agents,
            AgentSpec(name="code_debugger", url=self.agent_code_debugger_url, categories=["technical"]),
            AgentSpec(
                name="business_workflow",
                url=self.agent_business_workflow_url,
                categories=["sales", "support", "complaint"],
            ),
            AgentSpec(name="general_purpose", url=self.agent_general_purpose_url, categories=["inquiry", "general"]),
            AgentSpec(name="agent_hub", url=self.agent_hub_url, categories=[]),
        ]

    def missing_secrets(self) -> list[str]:
        """Secrets a public deployment needs, with what each protects."""
        missing = []
        if not self.webhook_secret:
            missing.append("WEBHOOK_SECRET is not set: POST /webhook accepts unsigned bodies")
        if not self.whatsapp_app_secret:
            missing.append("WHATSAPP_APP_SECRET is not set: POST /webhook/whatsapp refuses every body")
        if not self.whatsapp_verify_token:
            missing.append("WHATSAPP_VERIFY_TOKEN is not set: Meta's verification handshake is refused")
        if not self.api_token:
            missing.append(
                "API_TOKEN is not set: answer, messages, stats, the dashboard's data and /docs answer loopback only"
            )
        return missing
