# Sourced by ./fedmd and ./test.sh: paths and the SoftHSM2 configuration, which SoftHSM2 reads from the process
# environment when the module initialises, so it must be exported before the .NET process starts.
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
fedmd_dll="$repo/src/Cli/bin/Release/net10.0/fedmd.dll"

# The development token lives inside the checkout (out/ is ignored by git).
fedmd_dev_softhsm() {
  local dir="$repo/out/softhsm"
  mkdir -p "$dir/tokens"
  chmod 700 "$dir" "$dir/tokens"
  printf 'directories.tokendir = %s\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n' \
    "$dir/tokens" > "$dir/softhsm2.conf"
  export SOFTHSM2_CONF="$dir/softhsm2.conf"
}

# git records no file modes beyond the executable bit; the development secrets must be owner-only or fedmd refuses them.
fedmd_dev_permissions() {
  chmod 600 "$repo"/keys-dev/*.key "$repo"/keys-dev/*.pin
}

# Quiet unless it fails, so that command output (and cron mail) holds only what fedmd says.
fedmd_build() {
  local log
  log=$(mktemp)
  if ! dotnet build "$repo/src/Cli/Cli.csproj" -c Release -nologo -v quiet --tl:off > "$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}

# The release build of a command line project (scripts/package.sh's artefacts, and what ./bench.sh measures):
# self-contained, one file, compiled ahead of time (ReadyToRun) so that no command compiles the program first.
#   fedmd_publish_release PROJECT RID OUTPUT_DIRECTORY [extra dotnet publish arguments]
fedmd_publish_release() {
  local project="$1" rid="$2" output="$3"
  shift 3
  dotnet publish "$project" -c Release -r "$rid" --self-contained -p:PublishSingleFile=true -p:PublishReadyToRun=true \
    -p:DebugType=none -p:PublishDocumentationFile=false -p:PublishReferencesDocumentationFiles=false "$@" \
    -o "$output" -nologo -v quiet --tl:off -clp:"ErrorsOnly;NoSummary"
}

fedmd_needs_build() {
  [[ ! -f "$fedmd_dll" ]] && return 0
  [[ -n "$(find "$repo/src" "$repo/Directory.Build.props" "$repo/Directory.Packages.props" -newer "$fedmd_dll" \
      \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' \) -not -path '*/obj/*' -not -path '*/bin/*' -print -quit)" ]]
}

# The command word wherever it stands among the options: "--config FILE" takes a value, other options are flags.
fedmd_command_word() {
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --config) shift 2 || return 0 ;;
      -*) shift ;;
      *) printf '%s' "$1"; return 0 ;;
    esac
  done
}

# The --config FILE given on the command line, if any (the last one wins, as in the program).
fedmd_config_file() {
  local file=""
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --config) file="${2:-}"; shift 2 || break ;;
      --config=*) file="${1#--config=}"; shift ;;
      *) shift ;;
    esac
  done
  printf '%s' "$file"
}

# The configuration's Profile as the program reads it: FEDMD__Profile wins over the file's top-level "Profile"
# (keys are case-insensitive; white space and line breaks anywhere); "development" when neither sets it.
fedmd_config_profile() {
  local profile="${FEDMD__Profile:-${FEDMD__PROFILE:-}}"
  if [[ -z "$profile" && -f "$1" ]]; then
    profile=$(tr -d '\n\r' < "$1" | grep -oiE '"profile"[[:space:]]*:[[:space:]]*"[^"]*"' | head -n 1 | sed -E 's/.*:[[:space:]]*"([^"]*)"/\1/')
  fi
  printf '%s' "${profile:-development}"
}
