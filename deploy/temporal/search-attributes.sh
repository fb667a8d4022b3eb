#!/bin/sh
# Registers the search attributes of the İzer workflows on TEMPORAL_NAMESPACE at TEMPORAL_ADDRESS, once the
# namespace exists (docker-compose.yml runs it after the temporal service is healthy). Idempotent. The worker
# also registers missing ones at start (SEARCH_ATTRIBUTES=true); they hold no phone numbers or names.
set -eu

namespace="${TEMPORAL_NAMESPACE:-default}"

tries=0
until temporal operator namespace describe --namespace "$namespace" >/dev/null 2>&1; do
    tries=$((tries + 1))
    if [ "$tries" -ge 60 ]; then
        echo "namespace $namespace does not exist after 120 s at ${TEMPORAL_ADDRESS:-?}: see the temporal service's log" >&2
        exit 1
    fi
    sleep 2
done

existing="$(temporal operator search-attribute list --namespace "$namespace")"
for attribute in IzerPriority=Keyword IzerCategory=Keyword IzerStatus=Keyword IzerUrgency=Int; do
    name="${attribute%%=*}"
    kind="${attribute#*=}"
    if printf '%s\n' "$existing" | grep -qw "$name"; then
        echo "search attribute $name is registered"
    else
        temporal operator search-attribute create --namespace "$namespace" --name "$name" --type "$kind"
        echo "search attribute $name ($kind) registered"
    fi
done
