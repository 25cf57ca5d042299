#!/bin/sh
# A dated backup folder, then keep the newest $PARAF_BACKUP_KEEP. Run by paraf-backup.service.
set -eu
root="${PARAF_BACKUP_DIR:-/var/backups/paraf}"
keep="${PARAF_BACKUP_KEEP:-14}"
paraf="${PARAF_BIN:-/opt/paraf/.venv/bin/paraf}"
dest="$root/$(date -u +%Y%m%dT%H%M%SZ)"
"$paraf" backup "$dest"
# folders are named by UTC time, so the name order is the age order
ls -1d "$root"/[0-9]*Z 2>/dev/null | sort | head -n "-$keep" | while read -r old; do
  rm -rf -- "$old"
done
