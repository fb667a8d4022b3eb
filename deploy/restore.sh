#!/usr/bin/env bash
# Restore a backup made by deploy/backup.sh into a database.
#
#   deploy/restore.sh [--replace] FILE [DATABASE]          DATABASE: DB_NAME, else whatsapp_webhook
#   docker compose exec -T mysql izer-restore --replace /backups/whatsapp_webhook-20250101T030000Z.sql.gz
#
# Connection as for backup.sh (DB_HOST, DB_PORT, DB_USER, DB_PASSWORD; MYSQL_USER and MYSQL_PASSWORD inside the
# mysql container). The database is created (utf8mb4) when missing. A database that already has tables is
# left alone unless --replace is given: then the backup's tables replace the ones of the same name.
# Stop the API and the worker first (docker compose stop api worker), start them again after.
set -euo pipefail

usage="usage: $0 [--replace] FILE [DATABASE]"
replace=false
if [[ "${1:-}" == "--replace" ]]; then
    replace=true
    shift
fi
file="${1:?$usage}"
database="${2:-${DB_NAME:-whatsapp_webhook}}"
host="${DB_HOST:-127.0.0.1}"
port="${DB_PORT:-3306}"
user="${DB_USER:-${MYSQL_USER:-root}}"
password="${DB_PASSWORD:-${MYSQL_PASSWORD:-}}"

if [[ ! "$database" =~ ^[A-Za-z0-9_]+$ ]]; then
    echo "not a database name: $database (letters, digits and _ only)" >&2
    exit 2
fi
if ! gzip -t "$file"; then
    echo "$file is not a complete gzip file: pick another backup" >&2
    exit 2
fi

options="$(mktemp)"
trap 'rm -f "$options"' EXIT
chmod 600 "$options"
# Any password works: backslashes, double quotes and line ends are escaped as the option file reads them.
option() {
    local value="${1//\\/\\\\}"
    value="${value//\"/\\\"}"
    value="${value//$'\n'/\\n}"
    printf '"%s"' "$value"
}
printf '[client]\nhost=%s\nport=%s\nuser=%s\npassword=%s\n' \
    "$(option "$host")" "$(option "$port")" "$(option "$user")" "$(option "$password")" >"$options"
client=(mysql --defaults-extra-file="$options" --protocol=tcp --default-character-set=utf8mb4)

"${client[@]}" -e "CREATE DATABASE IF NOT EXISTS \`$database\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
tables="$("${client[@]}" --batch --skip-column-names -e \
    "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$database'")"
if [[ "$tables" != "0" && "$replace" != true ]]; then
    echo "database $database already has $tables tables: restore into an empty one, or give --replace" >&2
    exit 1
fi

gzip -dc "$file" | "${client[@]}" "$database"
echo "restored $file into $database"
