# Sourced (not executed) by the mysql image's entrypoint on the first start of an empty volume, from
# /docker-entrypoint-initdb.d: creates Temporal's own MySQL user, allowed only the two databases that the
# temporalio/auto-setup container creates and migrates (temporal, temporal_visibility).
# docker_process_sql, docker_sql_escape_string_literal, mysql_note and mysql_error are the entrypoint's.

if [ -z "${MYSQL_TEMPORAL_PASSWORD:-}" ]; then
    mysql_error "MYSQL_TEMPORAL_PASSWORD is not set: Temporal needs its own MySQL user (see docs/production.md)"
fi

temporal_user="$(docker_sql_escape_string_literal "${MYSQL_TEMPORAL_USER:-temporal}")"
temporal_password="$(docker_sql_escape_string_literal "${MYSQL_TEMPORAL_PASSWORD}")"

docker_process_sql --database=mysql <<EOSQL
CREATE USER IF NOT EXISTS '${temporal_user}'@'%' IDENTIFIED BY '${temporal_password}';
GRANT ALL PRIVILEGES ON \`temporal\`.* TO '${temporal_user}'@'%';
GRANT ALL PRIVILEGES ON \`temporal_visibility\`.* TO '${temporal_user}'@'%';
EOSQL

mysql_note "created the MySQL user '${MYSQL_TEMPORAL_USER:-temporal}' for Temporal"
