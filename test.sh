#!/usr/bin/env bash
# Installs missing system packages, builds with warnings as errors, and runs every test.
# Prints a closing line "tests: N passed, N failed, N skipped".
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/scripts/env.sh"
cd "$repo"

scripts/install-deps.sh --test
fedmd_dev_permissions

dotnet build Federation.sln -c Release -nologo -v quiet --tl:off -clp:"ErrorsOnly;NoSummary"

# The house style (.editorconfig): formatting drift, import order and unused usings fail the run.
if ! dotnet format Federation.sln --verify-no-changes -v quiet; then
  echo "test.sh: the code drifts from .editorconfig; run 'dotnet format Federation.sln' and commit the result" >&2
  exit 1
fi
# The release files, once: tests/Packaging.Tests reads them from dist/ (and builds them itself only when missing).
scripts/package.sh
# The benchmark's smoke mode: every command of ./bench.sh works on a tiny corpus (no timing is judged).
./bench.sh --smoke --no-build

log="$repo/out/test-results/test.log"
mkdir -p "$(dirname "$log")"
set +e
dotnet test Federation.sln -c Release --no-build --nologo --tl:off \
  --blame-hang-timeout 10m --results-directory "$repo/out/test-results" \
  --logger "console;verbosity=normal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line across all test assemblies, summed from each assembly's "Passed: n" / "Failed: n" / "Skipped: n".
awk '/^ +Passed: [0-9]+$/ { p += $2 } /^ +Failed: [0-9]+$/ { f += $2 } /^ +Skipped: [0-9]+$/ { s += $2 }
  END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
