#!/usr/bin/env bash
# Builds the release artefacts into dist/: self-contained single-file executables for linux-x64 and linux-arm64,
# their SHA256SUMS, and the Debian package fedmd_VERSION_amd64.deb. Usage: scripts/package.sh
# The build runs in a fresh copy of the checkout's files (tracked and untracked, never bin/, obj/ or out/), so stale
# build output cannot leak into a release and the development tree's binaries are left alone. --version reads
# VERSION+g<commit>, with ".dirty" appended when the working tree differs from that commit.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$repo"

version=$(tr -d '[:space:]' < VERSION)
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "package: VERSION must be MAJOR.MINOR.PATCH, found '$version'" >&2; exit 2; }
revision="g$(git rev-parse --short=12 HEAD)"
[[ -z "$(git status --porcelain)" ]] || revision+=".dirty"

# dpkg-deb stamps the package's files with the commit's time, so the same commit gives the same package.
export SOURCE_DATE_EPOCH
SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Files deleted in the working tree are still listed by git as cached: copy only those that exist.
git ls-files -z --cached --others --exclude-standard \
  | while IFS= read -r -d '' f; do if [[ -e "$f" ]]; then printf '%s\0' "$f"; fi; done \
  | tar --null -T - -cf - | tar -xf - -C "$work"

dist="$repo/dist"
rm -rf "$dist"
mkdir -p "$dist"
for rid in linux-x64 linux-arm64; do
  echo "package: publishing $rid" >&2
  # EnableSourceControlManagerQueries=false: the copy has no .git, and the revision is ours to set.
  fedmd_publish_release "$work/src/Cli/Cli.csproj" "$rid" "$work/publish/$rid" \
    -p:EnableSourceControlManagerQueries=false -p:SourceRevisionId="$revision"
  install -m 755 "$work/publish/$rid/fedmd" "$dist/fedmd-$version-$rid"
done

"$repo/deploy/debian/build-deb.sh" "$dist/fedmd-$version-linux-x64" "$version" "$dist"
(cd "$dist" && sha256sum "fedmd-$version-linux-x64" "fedmd-$version-linux-arm64" "fedmd_${version}_amd64.deb" > SHA256SUMS)
echo "package: wrote $(cd "$dist" && echo *) in $dist" >&2
