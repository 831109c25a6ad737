#!/usr/bin/env bash
# Builds fedmd_VERSION_amd64.deb from a linux-x64 single-file executable with dpkg-deb alone.
# Usage: deploy/debian/build-deb.sh EXECUTABLE VERSION OUTDIR   (scripts/package.sh calls it)
set -euo pipefail
[[ $# -eq 3 ]] || { echo "usage: $0 EXECUTABLE VERSION OUTDIR" >&2; exit 2; }
executable=$1 version=$2 outdir=$3
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
chmod 755 "$root"
install -d -m 755 "$root/DEBIAN" "$root/usr/bin" "$root/etc/fedmd/fetch" "$root/lib/systemd/system" "$root/usr/share/doc/fedmd"
install -m 755 "$executable" "$root/usr/bin/fedmd"
install -m 644 "$here/fedmd.json" "$root/etc/fedmd/fedmd.json"
install -m 644 "$repo"/deploy/systemd/fedmd.service "$repo"/deploy/systemd/fedmd-fetch@.service \
  "$repo"/deploy/systemd/fedmd-fetch@.timer "$root/lib/systemd/system/"
install -m 644 "$here/fetch-example.env" "$repo/docs/install.md" "$repo/docs/participants.md" "$root/usr/share/doc/fedmd/"
install -m 755 "$here/postinst" "$here/prerm" "$here/postrm" "$root/DEBIAN/"
install -m 644 "$here/conffiles" "$root/DEBIAN/"
installed_size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@INSTALLED_SIZE@/$installed_size/" "$here/control.in" > "$root/DEBIAN/control"

mkdir -p "$outdir"
# gzip: xz takes minutes on the 80 MB executable for a few MB less.
dpkg-deb --build --root-owner-group -Zgzip "$root" "$outdir/fedmd_${version}_amd64.deb" >/dev/null
