"""docker-compose.yml, read as YAML (no Docker engine here): the stack it describes can start, scale and be
configured from .env, and every file, module and setting it names exists."""

from __future__ import annotations

import importlib
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy.engine import make_url

from izer.agents.reference import AGENT_PORTS
from izer.db.engine import SCHEMA_SQL
from izer.settings import Settings
from izer.temporal import search_attribute_kinds

REPO = Path(__file__).resolve().parents[2]
COMPOSE: dict[str, Any] = yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))
SERVICES: dict[str, dict[str, Any]] = COMPOSE["services"]
APP_SERVICES = ("api", "worker", "migrate")
SETTINGS_NAMES = {name.upper() for name in Settings.model_fields}
# Keys of .env that only docker-compose.yml reads (docs/production.md lists them): the MySQL credentials the
# mysql, temporal and app services share, and the public domain of the HTTPS proxy.
COMPOSE_ONLY = {
    "MYSQL_ROOT_PASSWORD",
    "MYSQL_USER",
    "MYSQL_PASSWORD",
    "MYSQL_TEMPORAL_USER",
    "MYSQL_TEMPORAL_PASSWORD",
    "IZER_DOMAIN",
}
ONE_SHOT = {name for name, service in SERVICES.items() if service.get("restart") == "no"}
NOT_HEALTH_CHECKED = {"temporal-ui": "nothing waits for it, and its image documents no health probe"}
AGENT_URL_KEYS = {
    "agent_hub": "AGENT_HUB_URL",
    "business_workflow": "AGENT_BUSINESS_WORKFLOW_URL",
    "code_debugger": "AGENT_CODE_DEBUGGER_URL",
    "general_purpose": "AGENT_GENERAL_PURPOSE_URL",
}
INTERPOLATION = re.compile(r"\$\{(\w+)(?::?[-?][^}]*)?\}")


def environment(service: str) -> dict[str, str]:
    env = SERVICES[service].get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {str(key): str(value) for key, value in env.items()}


def command(service: str) -> list[str]:
    value = SERVICES[service]["command"]
    return value.split() if isinstance(value, str) else [str(part) for part in value]


def env_example_keys() -> set[str]:
    """Every key .env.example names, set or commented out (`# KEY=`)."""
    text = (REPO / ".env.example").read_text(encoding="utf-8")
    return set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]*)=", text, re.MULTILINE))


def bind_mounts() -> list[tuple[str, str, str]]:
    """(service, source, target) of every bind mount (a source that starts with `./`)."""
    mounts = []
    for name, service in SERVICES.items():
        for volume in service.get("volumes", []):
            source, target = volume.split(":")[:2]
            if source.startswith("./"):
                mounts.append((name, source, target))
    return mounts


def test_every_service_has_an_image_or_a_build() -> None:
    assert SERVICES
    for name, service in SERVICES.items():
        assert "image" in service or "build" in service, name


def test_every_image_has_a_pinned_tag() -> None:
    for name, service in SERVICES.items():
        image = service["image"]
        assert ":" in image and not image.endswith(":latest"), f"{name}: pin {image} to a version"


def test_the_app_services_are_built_from_the_dockerfile() -> None:
    for name in (*APP_SERVICES, *(n for n in SERVICES if n.startswith("agent-"))):
        assert SERVICES[name]["build"] == ".", name
        assert SERVICES[name]["image"] == SERVICES["api"]["image"], name
    assert (REPO / "Dockerfile").is_file()


def test_mysql_is_mysql_8_initialised_from_schema_sql_in_utf8mb4() -> None:
    mysql = SERVICES["mysql"]
    assert re.fullmatch(r"mysql:8\.(0|4)(\.\d+)?", mysql["image"])
    assert "./schema.sql:/docker-entrypoint-initdb.d/10-schema.sql:ro" in mysql["volumes"]
    assert any(v.split(":")[1] == "/var/lib/mysql" and not v.startswith("./") for v in mysql["volumes"])
    assert "--character-set-server=utf8mb4" in mysql["command"]
    assert "--collation-server=utf8mb4_unicode_ci" in mysql["command"]
    assert "mysqladmin" in mysql["healthcheck"]["test"] and "ping" in mysql["healthcheck"]["test"]
    database = re.search(r"CREATE DATABASE IF NOT EXISTS (\w+)", SCHEMA_SQL.read_text(encoding="utf-8"))
    assert database and environment("mysql")["MYSQL_DATABASE"] == database.group(1)


def test_the_app_services_use_the_mysql_and_temporal_services() -> None:
    for name in APP_SERVICES:
        env = environment(name)
        url = make_url(INTERPOLATION.sub("x", env["DATABASE_URL"]))
        assert url.drivername == "mysql+pymysql" and url.host == "mysql" and url.port == 3306, name
        assert url.database == environment("mysql")["MYSQL_DATABASE"] and url.query["charset"] == "utf8mb4"
        assert env["DATABASE_URL"].startswith("mysql+pymysql://${MYSQL_USER:-izer}:${MYSQL_PASSWORD")
        assert env["TEMPORAL_ADDRESS"] == "temporal:7233", name
        assert SERVICES[name]["env_file"] == ".env", name
    assert environment("api")["ENV"] == "production", "the API refuses to start without its secrets"


def test_every_mounted_file_exists() -> None:
    mounts = bind_mounts()
    assert mounts
    for service, source, _ in mounts:
        if source == "./backups":  # made by the first backup
            continue
        assert (REPO / source).exists(), f"{service} mounts {source}, which does not exist"


def test_long_running_services_have_healthchecks() -> None:
    for name, service in SERVICES.items():
        if name in ONE_SHOT or name in NOT_HEALTH_CHECKED:
            continue
        check = service.get("healthcheck")
        assert check and check.get("test") and not check.get("disable"), f"{name} has no healthcheck"
    api_check = " ".join(SERVICES["api"]["healthcheck"]["test"])
    assert "http://127.0.0.1:8100/health" in api_check
    assert "cluster health" in " ".join(SERVICES["temporal"]["healthcheck"]["test"])


def test_depends_on_waits_for_health_or_completion() -> None:
    for name, service in SERVICES.items():
        for dependency, spec in service.get("depends_on", {}).items():
            assert isinstance(spec, dict), f"{name} → {dependency}: use the long form with a condition"
            expected = "service_completed_successfully" if dependency in ONE_SHOT else "service_healthy"
            assert spec.get("condition") == expected, f"{name} → {dependency}"
            assert dependency in ONE_SHOT or SERVICES[dependency].get("healthcheck"), dependency
    for name in ("api", "worker"):
        assert set(SERVICES[name]["depends_on"]) == {"mysql", "temporal", "temporal-setup", "migrate"}
    assert set(SERVICES["temporal"]["depends_on"]) == {"mysql"}


def test_api_and_worker_commands_are_the_real_entry_points() -> None:
    assert command("api")[:2] == ["uvicorn", "api:app"]
    assert command("api")[command("api").index("--port") + 1] == "8100"
    assert "8100" in [str(port) for port in SERVICES["api"]["expose"]]
    assert command("worker") == ["python", "-m", "worker"]
    assert command("migrate") == ["alembic", "upgrade", "head"]
    assert (REPO / "alembic.ini").is_file()
    api = importlib.import_module("api")
    assert api.app is not None
    assert callable(importlib.import_module("worker").main)


def test_the_reference_agents_run_from_the_same_image_on_their_usual_ports() -> None:
    agents = {name: service for name, service in SERVICES.items() if name.startswith("agent-")}
    assert len(agents) == len(AGENT_PORTS)
    for name, service in agents.items():
        assert service["profiles"] == ["agents"], name
        args = command(name)
        assert args[:3] == ["python", "-m", "izer.agents.reference"], name
        agent, port = args[3], args[args.index("--port") + 1]
        assert str(AGENT_PORTS[agent]) == port and args[args.index("--host") + 1] == "0.0.0.0", name
        assert name == "agent-" + agent.removeprefix("agent_").replace("_", "-")
        default = environment("api")[AGENT_URL_KEYS[agent]]
        assert default.endswith(f":-http://{name}:{port}}}"), f"{name}: the app's default URL must reach it"


def test_environment_names_are_settings_or_documented_compose_keys() -> None:
    for name in APP_SERVICES:
        unknown = set(environment(name)) - SETTINGS_NAMES
        assert not unknown, f"{name} sets {unknown}: not fields of settings.Settings"
    interpolated = set(INTERPOLATION.findall((REPO / "docker-compose.yml").read_text(encoding="utf-8")))
    assert not interpolated - SETTINGS_NAMES - COMPOSE_ONLY, "document new compose-only keys"
    assert not env_example_keys() - SETTINGS_NAMES - COMPOSE_ONLY, ".env.example names an unknown key"
    production = (REPO / "docs" / "production.md").read_text(encoding="utf-8")
    for key in COMPOSE_ONLY:
        assert f"`{key}`" in production, f"docs/production.md does not explain {key}"


def test_the_scaled_services_have_no_fixed_name_and_only_the_proxy_is_public() -> None:
    for name, service in SERVICES.items():
        assert "container_name" not in service, f"{name}: a fixed container_name stops --scale"
    for name in ("api", "worker"):
        assert "ports" not in SERVICES[name], f"{name}: a host port stops --scale"
    for name, service in SERVICES.items():
        for port in service.get("ports", []):
            assert name == "caddy" or str(port).startswith("127.0.0.1:"), f"{name} publishes {port}"


def test_https_proxy_is_an_optional_caddy_in_front_of_the_api() -> None:
    caddy = SERVICES["caddy"]
    assert caddy["profiles"] == ["https"] and caddy["image"].startswith("caddy:")
    assert "./deploy/Caddyfile:/etc/caddy/Caddyfile:ro" in caddy["volumes"]
    assert environment("caddy")["IZER_DOMAIN"].startswith("${IZER_DOMAIN")
    assert {"80:80", "443:443"} <= set(caddy["ports"])
    caddyfile = (REPO / "deploy" / "Caddyfile").read_text(encoding="utf-8")
    assert re.search(r"^\{\$IZER_DOMAIN(:[\w.]+)?\} \{$", caddyfile, re.MULTILINE), "the site is IZER_DOMAIN"
    assert re.search(r"reverse_proxy \{\s*dynamic a \{\s*name api\s*port 8100", caddyfile)
    for name, service in SERVICES.items():
        if name not in ("caddy", *(n for n in SERVICES if n.startswith("agent-"))):
            assert "profiles" not in service, f"{name} belongs to the default stack"


def test_caddy_accepts_the_caddyfile_when_installed() -> None:
    caddy = shutil.which("caddy")
    if caddy is None:
        pytest.skip("caddy is not installed (Debian: caddy); the Caddyfile's shape is checked above")
    result = subprocess.run(
        [caddy, "adapt", "--config", str(REPO / "deploy" / "Caddyfile"), "--adapter", "caddyfile", "--validate"],
        env={"IZER_DOMAIN": "izer.example.com", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr


def test_temporal_runs_on_mysql_with_what_the_api_needs() -> None:
    env = environment("temporal")
    assert SERVICES["temporal"]["image"].startswith("temporalio/auto-setup:")
    assert env["DB"] == "mysql8" and env["MYSQL_SEEDS"] == "mysql"
    assert (env["DBNAME"], env["VISIBILITY_DBNAME"]) == ("temporal", "temporal_visibility")
    assert env["DEFAULT_NAMESPACE"] == "${TEMPORAL_NAMESPACE:-default}"
    mounted = {target: source for _, source, target in bind_mounts()}
    dynamic = "/etc/temporal/" + env["DYNAMIC_CONFIG_FILE_PATH"]
    config = yaml.safe_load((REPO / mounted[dynamic].removeprefix("./")).read_text(encoding="utf-8"))
    for key in ("frontend.enableUpdateWorkflowExecution", "frontend.enableExecuteMultiOperation"):
        assert config[key][0]["value"] is True, f"{key}: POST /webhook waits with Update-with-Start"
    ui = SERVICES["temporal-ui"]
    assert ui["image"].startswith("temporalio/ui:") and ui["ports"] == ["127.0.0.1:8233:8080"]


def test_the_search_attributes_registered_are_the_workflows_own() -> None:
    setup = SERVICES["temporal-setup"]
    script = REPO / next(s for n, s, _ in bind_mounts() if n == "temporal-setup").removeprefix("./")
    assert setup["entrypoint"][-1] == next(t for n, _, t in bind_mounts() if n == "temporal-setup")
    registered = dict(re.findall(r"\b(Izer\w+)=(Keyword|Int)\b", script.read_text(encoding="utf-8")))
    assert registered == search_attribute_kinds()
    assert environment("temporal-setup")["TEMPORAL_ADDRESS"] == "temporal:7233"


def test_the_deploy_scripts_are_executable_and_parse() -> None:
    for script in ("deploy/backup.sh", "deploy/restore.sh", "deploy/temporal/search-attributes.sh"):
        path = REPO / script
        assert path.stat().st_mode & 0o111, f"{script} must be executable (chmod +x)"
        shell = "sh" if path.read_text(encoding="utf-8").startswith("#!/bin/sh") else "bash"
        subprocess.run([shell, "-n", str(path)], check=True, timeout=10)
    subprocess.run(["bash", "-n", str(REPO / "deploy/mysql/temporal-user.sh")], check=True, timeout=10)
    mounted = {target for _, _, target in bind_mounts()}
    assert {"/usr/local/bin/izer-backup", "/usr/local/bin/izer-restore", "/backups"} <= mounted
