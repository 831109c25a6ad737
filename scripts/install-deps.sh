#!/usr/bin/env bash
# Installs the Debian packages fedmd needs when any is missing: the SoftHSM2 token, OpenSC, and the independent
# verifiers and schemas (xmlsec1, OpenSAML's samlsign), and ssh-keygen for dual-control approvals.
# Usage: scripts/install-deps.sh [--test]
# --test adds what only the test suite needs (nginx, Chromium, xmllint for independent schema checks, and PostgreSQL,
# which tests/Cluster.Tests starts on 127.0.0.1 with a data directory of its own; fedmd itself needs no client tools).
set -euo pipefail

packages=(softhsm2 opensc xmlsec1 opensaml-tools opensaml-schemas xmltooling-schemas shibboleth-sp-common openssh-client)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(nginx chromium libxml2-utils postgresql)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "fedmd: installing missing system packages: ${missing[*]}" >&2
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "fedmd: need root or sudo to install ${missing[*]}" >&2; exit 3; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
