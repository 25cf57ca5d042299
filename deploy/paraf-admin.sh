#!/bin/sh
# Run one paraf command as the paraf user, with the secrets and the config the services use.
# Install: install -m 0755 /opt/paraf/deploy/paraf-admin.sh /usr/local/bin/paraf-admin
#   paraf-admin doctor | status | backup /var/backups/paraf/manual | users add dewi ...
set -eu
: "${PARAF_HOME:=/srv/paraf}" "${PARAF_ENV:=/etc/paraf/paraf.env}"
: "${PARAF_BIN:=/opt/paraf/.venv/bin/paraf}" "${PARAF_USER:=paraf}"
export PARAF_HOME PARAF_ENV PARAF_BIN
exec runuser -u "$PARAF_USER" -- sh -c 'set -a; . "$PARAF_ENV"; set +a; cd "$PARAF_HOME";
  exec "$PARAF_BIN" --config "$PARAF_HOME/config.toml" "$@"' paraf-admin "$@"
