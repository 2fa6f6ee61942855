#!/usr/bin/env bash
# Restores one database of a backup set made by backup.sh into a fresh, empty database:
#
#   restore.sh DUMP_FILE CONNINFO [pg_restore options…]
#
# e.g. restore.sh /backups/20261207T023000Z/population.dump "host=… dbname=population_restored user=postgres"
#
# The dump's checksum is checked against the set's SHA256SUMS first. The target must hold no table
# of its own (extensions' are fine): restoring over live data is refused. The restore is one
# transaction that stops at the first error, so it is whole or nothing. Roles are not part of a
# database's dump: the roles that own and are granted its objects (the login roles, audit_writer)
# must exist on the target server first, or pass --no-owner --no-privileges and grant anew.
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: restore.sh DUMP_FILE CONNINFO [pg_restore options…]" >&2
  exit 2
fi
dump=$1
conninfo=$2
shift 2
[ -r "$dump" ] || { echo "restore.sh: cannot read $dump" >&2; exit 2; }

sums="$(dirname "$dump")/SHA256SUMS"
if [ -r "$sums" ]; then
  expected=$(awk -v f="$(basename "$dump")" '$2 == f || $2 == "*" f { print $1 }' "$sums")
  actual=$(sha256sum -- "$dump" | awk '{ print $1 }')
  if [ -z "$expected" ] || [ "$expected" != "$actual" ]; then
    echo "restore.sh: $dump does not match its checksum in $sums: refusing a damaged dump" >&2
    exit 1
  fi
else
  echo "restore.sh: no SHA256SUMS beside $dump: its checksum is not checked" >&2
fi

tables=$(psql --no-password --dbname="$conninfo" --tuples-only --no-align --quiet --command "
  SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
    AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
    AND NOT EXISTS (SELECT 1 FROM pg_depend d
                    WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')")
if [ "$tables" != 0 ]; then
  echo "restore.sh: the target database already holds $tables tables or sequences: restore into a fresh database" >&2
  exit 1
fi

pg_restore --exit-on-error --single-transaction --no-password --dbname="$conninfo" "$@" "$dump"
echo "restore.sh: restored $dump"
