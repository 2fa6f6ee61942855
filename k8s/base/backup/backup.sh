#!/usr/bin/env bash
# Backs up the platform's databases — the four base registers and the gateway's (grants, share
# applications, the audit trail) — one pg_dump in custom format each, into one dated set:
#
#   backup.sh OUTPUT_DIR TARGETS_FILE
#
# TARGETS_FILE has one database a line, `name conninfo` (a libpq connection string without its
# password; blank lines and # comments are skipped):
#
#   population  host=population-postgres dbname=population user=postgres
#
# Passwords come the libpq way: PGPASSFILE, or BACKUP_PGPASS naming a pgpass file that is copied
# to an owner-only file first (libpq ignores a pgpass file that its group may read, and kubelet
# makes Secret files group-readable when the pod has an fsGroup).
#
# The set is OUTPUT_DIR/<UTC time>/ with <name>.dump for each target and SHA256SUMS; it is written
# under a .partial- name and renamed when every dump is made and reads back (pg_restore --list), so
# a set without that prefix is whole. BACKUP_KEEP (default 14) whole sets are kept, older ones
# deleted. Any failure stops the run with a non-zero exit and leaves no partial set behind.
# The Kubernetes CronJob runs this script (k8s/base/backup/cronjob.yaml); so does the test
# that restores a backup (tests/Federation.Deployment.Tests). Restore: restore.sh beside it.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: backup.sh OUTPUT_DIR TARGETS_FILE" >&2
  exit 2
fi
output=$1
targets=$2
keep=${BACKUP_KEEP:-14}
case $keep in ''|*[!0-9]*|0) echo "backup.sh: BACKUP_KEEP must be a whole number of sets, at least 1 (it is '$keep')" >&2; exit 2 ;; esac
[ -r "$targets" ] || { echo "backup.sh: cannot read the targets file $targets" >&2; exit 2; }
[ -d "$output" ] || { echo "backup.sh: the output directory $output does not exist" >&2; exit 2; }

umask 077
private=$(mktemp -d)
stamp=$(date -u +%Y%m%dT%H%M%SZ)
work="$output/.partial-$stamp"
cleanup() { rm -rf "$private" "$work"; }
trap cleanup EXIT

if [ -n "${BACKUP_PGPASS:-}" ]; then
  install -m 0600 "$BACKUP_PGPASS" "$private/pgpass"
  export PGPASSFILE="$private/pgpass"
fi

# The whole targets file is checked before anything is dumped.
names=()
conninfos=()
while read -r name conninfo || [ -n "$name" ]; do
  case $name in ''|'#'*) continue ;; esac
  if ! [[ $name =~ ^[a-z0-9][a-z0-9_-]{0,62}$ ]] || [ -z "$conninfo" ]; then
    echo "backup.sh: '$name' in $targets is not 'name conninfo' (a name of a-z 0-9 _ -)" >&2
    exit 2
  fi
  for seen in "${names[@]}"; do
    [ "$seen" != "$name" ] || { echo "backup.sh: $name is named twice in $targets" >&2; exit 2; }
  done
  names+=("$name")
  conninfos+=("$conninfo")
done < "$targets"
[ ${#names[@]} -gt 0 ] || { echo "backup.sh: $targets names no database" >&2; exit 2; }

[ ! -e "$output/$stamp" ] || { echo "backup.sh: a set $output/$stamp exists already" >&2; exit 1; }
mkdir "$work"
for i in "${!names[@]}"; do
  name=${names[$i]}
  started=$(date +%s)
  # One consistent snapshot per database; custom format: compressed, and pg_restore can pick and
  # reorder what it restores.
  pg_dump --format=custom --no-password --dbname="${conninfos[$i]}" --file="$work/$name.dump"
  pg_restore --list "$work/$name.dump" >/dev/null
  echo "backup.sh: $name: $(stat -c %s "$work/$name.dump") bytes in $(( $(date +%s) - started )) s"
done
count=${#names[@]}

(cd "$work" && sha256sum -- *.dump > SHA256SUMS)
mv "$work" "$output/$stamp"
echo "backup.sh: $count databases in $output/$stamp"

# Retention: the newest $keep whole sets (names sort by time).
find "$output" -mindepth 1 -maxdepth 1 -type d -name '????????T??????Z' | sort -r | tail -n +"$((keep + 1))" |
  while read -r old; do
    rm -rf -- "$old"
    echo "backup.sh: removed the old set $old"
  done
