#!/usr/bin/env bash
# Installs the Debian packages the project runs for real (SIP server, media relay, browser, SIP peers).
# As root it installs what is missing; otherwise it names the exact command to run and stops.
set -euo pipefail

PACKAGES=(
  kamailio kamailio-websocket-modules kamailio-autheph-modules kamailio-presence-modules
  kamailio-sqlite-modules chromium baresip-core sip-tester rtpengine-daemon
  kamailio-tls-modules coturn
)
# Binaries or files that prove a package is present (dpkg-query is the source of truth).
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "softphone: missing Debian packages: ${missing[*]}" >&2
  echo "Install them with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

echo "softphone: installing Debian packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
