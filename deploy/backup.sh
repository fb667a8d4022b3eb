#!/usr/bin/env bash
# Back up the İzer database to DIR/<database>-<UTC time>.sql.gz and print the file's path.
#
#   deploy/backup.sh [DIR]                        DIR: BACKUP_DIR, else ./backups
#   docker compose exec mysql izer-backup         the compose stack: inside the mysql container, into ./backups
#
# Connection: DB_HOST (127.0.0.1), DB_PORT (3306), DB_USER, DB_PASSWORD and DB_NAME (whatsapp_webhook), the
# keys of .env.example; inside the mysql container the user and password default to its MYSQL_USER and
# MYSQL_PASSWORD. A consistent snapshot without locking the tables (InnoDB, --single-transaction), with
# routines and triggers, in utf8mb4. The file appears only when the dump is complete.
# BACKUP_KEEP_DAYS=N also deletes this database's backups in DIR older than N days.
set -euo pipefail
umask 077  # backups hold messages and phone numbers: readable by their owner only

dir="${1:-${BACKUP_DIR:-./backups}}"
host="${DB_HOST:-127.0.0.1}"
port="${DB_PORT:-3306}"
user="${DB_USER:-${MYSQL_USER:-root}}"
password="${DB_PASSWORD:-${MYSQL_PASSWORD:-}}"
database="${DB_NAME:-whatsapp_webhook}"

mkdir -p "$dir"
options="$(mktemp)"
target="$dir/$database-$(date -u +%Y%m%dT%H%M%SZ).sql.gz"
partial="$target.partial"
trap 'rm -f "$options" "$partial"' EXIT

# The password goes through an option file (mode 600), never the command line that `ps` shows.
# Any password works: backslashes, double quotes and line ends are escaped as the option file reads them.
option() {
    local value="${1//\\/\\\\}"
    value="${value//\"/\\\"}"
    value="${value//$'\n'/\\n}"
    printf '"%s"' "$value"
}
printf '[client]\nhost=%s\nport=%s\nuser=%s\npassword=%s\n' \
    "$(option "$host")" "$(option "$port")" "$(option "$user")" "$(option "$password")" >"$options"

mysqldump --defaults-extra-file="$options" --protocol=tcp \
    --single-transaction --routines --triggers --no-tablespaces --hex-blob \
    --default-character-set=utf8mb4 \
    "$database" | gzip -9 >"$partial"
gzip -t "$partial"
mv "$partial" "$target"

if [[ -n "${BACKUP_KEEP_DAYS:-}" ]]; then
    if [[ ! "$BACKUP_KEEP_DAYS" =~ ^[0-9]+$ ]]; then
        echo "BACKUP_KEEP_DAYS must be a number of days, not $BACKUP_KEEP_DAYS; nothing deleted" >&2
        exit 2
    fi
    cutoff=$(($(date +%s) - BACKUP_KEEP_DAYS * 86400))
    for old in "$dir/$database"-*.sql.gz; do
        if [[ -f "$old" && "$old" != "$target" && $(date -r "$old" +%s) -lt $cutoff ]]; then
            rm -f -- "$old"
        fi
    done
fi

echo "$target"
