# Sourced (not executed) by the mysql image's entrypoint on the first start of an empty volume, from
# /docker-entrypoint-initdb.d: creates Temporal's own MySQL user, allowed only the two databases that the
# temporalio/auto-setup container creates and migrates (temporal, temporal_visibility; `\_` is a literal `_`
# in a grant, not its one-character wildcard). mysql_note, mysql_error and docker_process_sql (root, over the
# init server's socket) are the entrypoint's own functions.

if [ -z "${MYSQL_TEMPORAL_PASSWORD:-}" ]; then
    mysql_error "MYSQL_TEMPORAL_PASSWORD is not set: Temporal needs its own MySQL user (see docs/production.md)"
fi

# A value inside a single-quoted SQL string: backslashes and quotes escaped.
_izer_sql_string() {
    local value="${1//\\/\\\\}"
    printf '%s' "${value//\'/\\\'}"
}

temporal_user="$(_izer_sql_string "${MYSQL_TEMPORAL_USER:-temporal}")"
temporal_password="$(_izer_sql_string "${MYSQL_TEMPORAL_PASSWORD}")"

docker_process_sql --database=mysql <<EOSQL
CREATE USER IF NOT EXISTS '${temporal_user}'@'%' IDENTIFIED BY '${temporal_password}';
GRANT ALL PRIVILEGES ON \`temporal\`.* TO '${temporal_user}'@'%';
GRANT ALL PRIVILEGES ON \`temporal\_visibility\`.* TO '${temporal_user}'@'%';
EOSQL

mysql_note "created the MySQL user '${MYSQL_TEMPORAL_USER:-temporal}' for Temporal"
