"""deploy/mysql/temporal-user.sh, sourced as the mysql image's entrypoint sources it, with that entrypoint's
helpers played by the real `mysql` client: Temporal gets a user that can reach its two databases and no other."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

from tests.conftest import MYSQL_TEST_URL, mariadb_engine

SCRIPT = Path(__file__).resolve().parents[2] / "deploy" / "mysql" / "temporal-user.sh"

# The functions of the mysql image's docker-entrypoint.sh (8.4) that the script calls, as it defines them, except
# that docker_process_sql reaches the test server over TCP instead of the init server's socket.
ENTRYPOINT_FUNCTIONS = r"""
mysql_note() { echo "[Note] [Entrypoint]: $*"; }
mysql_error() { echo "[ERROR] [Entrypoint]: $*" >&2; exit 1; }
docker_process_sql() { mysql --protocol=tcp -h "$TEST_HOST" -P "$TEST_PORT" -u "$TEST_USER" --comments "$@"; }
"""


def source_script(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", f'set -eo pipefail\n{ENTRYPOINT_FUNCTIONS}\nsource "{SCRIPT}"'],
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), **env},
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_a_missing_password_stops_the_first_start_with_a_clear_error() -> None:
    result = source_script({"MYSQL_TEMPORAL_USER": "temporal"})
    assert result.returncode == 1
    assert "MYSQL_TEMPORAL_PASSWORD is not set" in result.stderr


@pytest.mark.mariadb
def test_temporal_user_reaches_its_two_databases_only() -> None:
    if shutil.which("mysql") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("the mysql client is required when CI=true (Debian: mariadb-client)")
        pytest.skip("the mysql client is not installed (Debian: mariadb-client)")
    admin = mariadb_engine()
    assert admin is not None
    server = make_url(MYSQL_TEST_URL)
    user, password = f"izer_t_{os.urandom(3).hex()}", "it's-a-p@ss\\word"
    try:
        result = source_script(
            {
                "MYSQL_TEMPORAL_USER": user,
                "MYSQL_TEMPORAL_PASSWORD": password,
                "TEST_HOST": server.host or "127.0.0.1",
                "TEST_PORT": str(server.port or 3306),
                "TEST_USER": server.username or "root",
                **({"MYSQL_PWD": server.password} if server.password else {}),
            }
        )
        assert result.returncode == 0, result.stderr
        assert f"created the MySQL user '{user}'" in result.stdout
        with admin.connect() as connection:
            grants = " ".join(connection.execute(text(f"SHOW GRANTS FOR '{user}'@'%'")).scalars())
        assert "ON `temporal`.*" in grants and "ON `temporal\\_visibility`.*" in grants
        assert "ON *.*" not in grants.replace("GRANT USAGE ON *.*", "")

        as_temporal = create_engine(
            URL.create(server.drivername, user, password, server.host or "127.0.0.1", server.port or 3306)
        )
        try:
            with as_temporal.connect() as connection:
                assert connection.execute(text("SELECT CURRENT_USER()")).scalar() == f"{user}@%"
        finally:
            as_temporal.dispose()
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP USER IF EXISTS '{user}'@'%'"))
        admin.dispose()
