#!/usr/bin/env bash
# Benchmarks fedmd's signer, verifier and one pass (run --once) against xmlsec1 and xmllint on a generated registry and prints one table of medians
# (wall time and peak resident memory) with the ratios and the issue-12 targets.
#   ./bench.sh [--entities N] [--runs R] [--seed S]   measure (default 10000 entities, 5 alternated runs each)
#   ./bench.sh --scale [--sizes "1000 10000 100000"] [--remote N] [--runs R]
#                                                     run --once at each size (time, peak RSS, per-entity time against
#                                                     the smallest size, the 300 MB check at 100,000), then a remote
#                                                     source of N entities (default 10000) served on 127.0.0.1
#   ./bench.sh --smoke [--no-build]                   a tiny corpus, every command and mode once, outputs checked, no timing
# The machine is shared: runs of fedmd and xmlsec1 alternate, and only the ratios mean anything.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/scripts/env.sh"
cd "$repo"

entities=10000 runs=5 seed=7 smoke=false build=true scale=false sizes="1000 10000 100000" remote=10000 runs_given=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --smoke) smoke=true entities=25 runs=1 sizes="20 40" remote=30 ;;
    --scale) scale=true ;;
    --no-build) build=false ;;
    --entities) entities="$2"; shift ;;
    --sizes) sizes="$2"; shift ;;
    --remote) remote="$2"; shift ;;
    --runs) runs="$2"; runs_given=true; shift ;;
    --seed) seed="$2"; shift ;;
    *) echo "bench.sh: unknown option $1 (use --smoke, --scale, --no-build, --entities N, --sizes \"N ...\", --remote N, --runs R, --seed S)" >&2; exit 2 ;;
  esac
  shift
done
# 100,000 entities take minutes a run: the scale mode measures once per size unless told otherwise.
if $scale && ! $smoke && ! $runs_given; then runs=1; fi

for tool in xmlsec1 /usr/bin/time jq python3 curl; do
  command -v "$tool" > /dev/null || { echo "bench.sh: $tool is missing; run scripts/install-deps.sh --test" >&2; exit 1; }
done

if $build; then
  dotnet build Federation.sln -c Release -nologo -v quiet --tl:off -clp:"ErrorsOnly;NoSummary" > /dev/null
fi
# Measured as operators run it: the executable scripts/package.sh ships (self-contained, one file, ReadyToRun), built
# from this tree for this machine. The smoke run only checks that the commands work, so it takes the test build.
if $smoke; then
  fedmd=(dotnet "$fedmd_dll")
else
  case "$(uname -m)" in aarch64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac
  rm -rf "$repo/out/bench-app"
  fedmd_publish_release "$repo/src/Cli/Cli.csproj" "$rid" "$repo/out/bench-app" > /dev/null
  fedmd=("$repo/out/bench-app/fedmd")
fi
# The same environment ./fedmd gives the program, prepared once so that the wrapper's checks are not timed.
fedmd_dev_softhsm
fedmd_dev_permissions
export FEDMD_CONFIG="${FEDMD_CONFIG:-$repo/fedmd.json}"
[[ -n "$(ls -A "$repo/out/softhsm/tokens")" ]] || "${fedmd[@]}" keys init-dev-token >&2

work="$repo/out/bench"
rm -rf "$work"
mkdir -p "$work"
key="$repo/keys-dev/metadata-signing.key"
cert="$repo/keys-dev/metadata-signing.crt"
openssl x509 -in "$cert" -pubkey -noout > "$work/pub.pem"

# A run --once configuration like fedmd.json with every path absolute, one feed, the given registry, and its own
# state, logs and web root under the given directory. With a source URL, that feed imports the source over plain http
# (the signature protects it), pinned to the development signing certificate that signed it. The generated entities
# carry no mdrpi:RegistrationInfo (a registry's pass adds it), so the import profile's rule for it is off.
run_config() {
  local registry="$1" dir="$2" source_url="${3:-}"
  jq --arg repo "$repo" --arg dir "$dir" --arg registry "$registry" --arg url "$source_url" --arg cert "$cert" '
    def abs: if startswith("/") then . else $repo + "/" + . end;
    .Feeds = [.Feeds[0]]
    | .Registry.EntitiesDirectory = $registry
    | .Registry.LedgerFile = $dir + "/state/registration-ledger.json"
    | .Publish.Directory = $dir + "/publish"
    | .Logging.Directory = $dir + "/logs"
    | .StateDirectory = $dir + "/state"
    | .Signing.CertificateFile |= abs | .Signing.PinFile |= abs
    | .DevelopmentToken.SoPinFile |= abs | .DevelopmentToken.KeyFile |= abs
    | if $url == "" then . else .Sources = [{ Name: "bench", Url: $url, CertificateFiles: [$cert], AllowHttp: true, Rules: { "entity.registration-info": "off" } }] | .Feeds[0].Sources = ["bench"] end' \
    "$repo/fedmd.json" > "$dir/fedmd-run.json"
}

# One run: appends "seconds kilobytes" to the named sample file; a failing command stops the benchmark.
measure() {
  local samples="$1"; shift
  if ! /usr/bin/time -f "%e %M" -o "$work/time.out" "$@" > "$work/run.log" 2>&1; then
    echo "bench.sh: failed: $*" >&2
    cat "$work/run.log" >&2
    exit 1
  fi
  tail -n1 "$work/time.out" >> "$work/$samples"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
column_of() { awk -v c="$2" '{ print $c }' "$work/$1"; }

# One pass from an empty state and web root, so that every run does the same work (a first publication).
measure_pass() {
  local samples="$1" dir="$2"
  rm -rf "$dir/state" "$dir/publish" "$dir/logs"
  measure "$samples" env FEDMD_CONFIG="$dir/fedmd-run.json" "${fedmd[@]}" run --once
  [[ -s "$dir/publish/federation-metadata.xml" ]] || { echo "bench.sh: run --once in $dir published no federation-metadata.xml" >&2; exit 1; }
  [[ -z "$(find "$dir/state" -maxdepth 1 -name 'pass-work-*' -print -quit)" ]] || { echo "bench.sh: run --once left its work directory in $dir/state" >&2; exit 1; }
}

# Issue 12 targets 4 and 5: run --once at each size, then a remote source served over HTTP on 127.0.0.1.
scale_and_remote() {
  local n dir first="" previous="" port server
  for n in $sizes; do
    dir="$work/scale-$n"
    mkdir -p "$dir"
    "${fedmd[@]}" bench corpus --entities "$n" --seed "$seed" --out "$dir/entities" > /dev/null
    run_config "$dir/entities" "$dir"
    for ((i = 0; i < runs; i++)); do
      measure_pass "scale-$n.samples" "$dir"
    done
  done

  # The remote source: the generated aggregate signed by fedmd sign, served by a local HTTP server that the trap
  # stops whatever happens, verified with the pinned certificate, split and imported beside the sample registry.
  dir="$work/remote"
  mkdir -p "$dir/served"
  "${fedmd[@]}" bench corpus --entities "$remote" --seed "$seed" --out "$dir/entities" --aggregate "$dir/unsigned.xml" > /dev/null
  "${fedmd[@]}" sign --in "$dir/unsigned.xml" --out "$dir/served/source.xml" > /dev/null
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  python3 -m http.server "$port" --bind 127.0.0.1 --directory "$dir/served" > "$dir/http.log" 2>&1 &
  server=$!
  trap 'kill "$server" 2> /dev/null || true' EXIT
  for ((i = 0; i < 50; i++)); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/source.xml" 2> /dev/null && break
    sleep 0.2
  done
  run_config "$repo/metadata-samples" "$dir" "http://127.0.0.1:$port/source.xml"
  for ((i = 0; i < runs; i++)); do
    measure_pass remote.samples "$dir"
  done
  kill "$server" 2> /dev/null || true
  wait "$server" 2> /dev/null || true
  trap - EXIT
  # The source's entities (their entityIDs) must be in the published feed.
  local imported
  imported=$(grep -o 'entityID="[^"]*"' "$dir/publish/federation-metadata.xml" \
    | grep -cFx -f <(find "$dir/entities" -name '*.xml' -exec cat {} + | grep -o 'entityID="[^"]*"') || true)
  [[ "$imported" -gt 0 ]] || { echo "bench.sh: no entity of the remote source was published" >&2; exit 1; }
  $smoke && return 0

  printf '\nrun --once at scale (issue 12 targets 4 and 5), median of %s run(s) each, %s, %s cores, load average %s\n\n' \
    "$runs" "$(date -u +%FT%TZ)" "$(nproc)" "$(cut -d' ' -f1 /proc/loadavg)"
  printf '| input | metadata | time | peak RSS | ms per entity | per-entity time against the previous size |\n|---|---|---|---|---|---|\n'
  for n in $sizes; do
    local t m mb
    t=$(column_of "scale-$n.samples" 1 | median); m=$(column_of "scale-$n.samples" 2 | median)
    mb=$(du -sm "$work/scale-$n/entities" | cut -f1)
    awk -v n="$n" -v t="$t" -v m="$m" -v mb="$mb" -v p="$previous" 'BEGIN {
      per = t * 1000 / n
      printf "| %d entity files | %d MB | %.2f s | %.0f MB | %.3f | %s |\n", n, mb, t, m / 1024, per, (p == "" ? "-" : sprintf("%.2fx", per / p))
    }'
    previous=$(awk -v t="$t" -v n="$n" 'BEGIN { print t * 1000 / n }')
    if [[ "$n" == 100000 ]]; then
      awk -v m="$m" 'BEGIN { printf "\npeak RSS at 100,000 entities: %.0f MB (<= 300 MB %s)\n", m / 1024, (m / 1024 <= 300 ? "met" : "NOT met") }' > "$work/scale-check"
    fi
  done
  t=$(column_of remote.samples 1 | median); m=$(column_of remote.samples 2 | median)
  awk -v n="$remote" -v t="$t" -v m="$m" -v mb="$(du -m "$dir/served/source.xml" | cut -f1)" -v k="$imported" 'BEGIN {
    printf "| remote source of %d entities (%d MB over http://127.0.0.1, %d published) | %d MB | %.2f s | %.0f MB | %.3f | - |\n", n, mb, k, mb, t, m / 1024, t * 1000 / n
  }'
  [[ -f "$work/scale-check" ]] && cat "$work/scale-check"
  return 0
}

if $scale && ! $smoke; then
  scale_and_remote
  exit 0
fi

"${fedmd[@]}" bench corpus --entities "$entities" --seed "$seed" --out "$work/entities" --aggregate "$work/unsigned.xml" > /dev/null
root_id=$(grep -o -m1 '<md:EntitiesDescriptor [^>]*' "$work/unsigned.xml" | grep -o ' ID="[^"]*"' | cut -d'"' -f2)

# xmlsec1 signs a template: the same document with an empty signature of the same profile after the root start tag.
template="<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo><CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/><SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/><Reference URI=\"#$root_id\"><Transforms><Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/><Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/></Transforms><DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><DigestValue/></Reference></SignedInfo><SignatureValue/><KeyInfo><X509Data/></KeyInfo></Signature>"
awk -v t="$template" '!done && /^<md:EntitiesDescriptor / { sub(/>$/, ">" t); done = 1 } { print }' "$work/unsigned.xml" > "$work/template.xml"

id_attr=(--id-attr:ID urn:oasis:names:tc:SAML:2.0:metadata:EntitiesDescriptor)
fedmd_sign=("${fedmd[@]}" sign --in "$work/unsigned.xml" --out "$work/fedmd-signed.xml")
xmlsec_sign=(xmlsec1 --sign --privkey-pem "$key,$cert" "${id_attr[@]}" --output "$work/xmlsec-signed.xml" "$work/template.xml")
fedmd_verify=("${fedmd[@]}" verify --file "$work/fedmd-signed.xml" --cert "$cert")
xmlsec_verify=(xmlsec1 --verify --enabled-key-data rsa --pubkey-pem "$work/pub.pem" "${id_attr[@]}" "$work/fedmd-signed.xml")

run_config "$work/entities" "$work"
fedmd_run=(env FEDMD_CONFIG="$work/fedmd-run.json" "${fedmd[@]}" run --once)

# The baseline of run --once: the standard tools doing its core work. xmllint validates every entity file against
# the metadata schemas in one process (a catalog maps the schemas' remote imports to the installed copies), the
# files are concatenated into the aggregate with a signature template, and xmlsec1 signs it.
schema_dirs=(/usr/share/xml/opensaml /usr/share/xml/xmltooling /usr/share/xml/shibboleth)
{
  echo '<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">'
  for dir in "${schema_dirs[@]}"; do grep -ho 'schemaLocation="http[^"]*"' "$dir"/*.xsd; done | cut -d'"' -f2 | sort -u | while read -r url; do
    for dir in "${schema_dirs[@]}"; do
      if [[ -f "$dir/${url##*/}" ]]; then echo "<system systemId=\"$url\" uri=\"file://$dir/${url##*/}\"/>"; break; fi
    done
  done
  echo '</catalog>'
} > "$work/catalog.xml"
cat > "$work/metadata.xsd" <<XSD
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:fedmd:bench" elementFormDefault="qualified">
  <xs:import namespace="urn:oasis:names:tc:SAML:2.0:metadata" schemaLocation="file:///usr/share/xml/opensaml/saml-schema-metadata-2.0.xsd"/>
  <xs:import namespace="urn:oasis:names:tc:SAML:metadata:ui" schemaLocation="file:///usr/share/xml/opensaml/sstc-saml-metadata-ui-v1.0.xsd"/>
  <xs:import namespace="urn:oasis:names:tc:SAML:metadata:rpi" schemaLocation="file:///usr/share/xml/opensaml/saml-metadata-rpi-v1.0.xsd"/>
  <xs:import namespace="urn:oasis:names:tc:SAML:metadata:attribute" schemaLocation="file:///usr/share/xml/opensaml/sstc-metadata-attr.xsd"/>
  <xs:import namespace="urn:mace:shibboleth:metadata:1.0" schemaLocation="file:///usr/share/xml/shibboleth/shibboleth-metadata-1.0.xsd"/>
</xs:schema>
XSD
cat > "$work/baseline.sh" <<BASELINE
#!/usr/bin/env bash
set -euo pipefail
export XML_CATALOG_FILES="$work/catalog.xml"
find "$work/entities" -name '*.xml' -print0 | sort -z | xargs -0 xmllint --nonet --noout --schema "$work/metadata.xsd" 2> "$work/xmllint.log"
{
  echo '<?xml version="1.0" encoding="UTF-8"?>'
  echo '<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" ID="$root_id" validUntil="$(grep -o -m1 'validUntil="[^"]*"' "$work/unsigned.xml" | cut -d'"' -f2)">$template'
  find "$work/entities" -name '*.xml' -print0 | sort -z | xargs -0 sed -e '/^<?xml /d'
  echo '</md:EntitiesDescriptor>'
} > "$work/baseline-unsigned.xml"
xmlsec1 --sign --privkey-pem "$key,$cert" ${id_attr[*]} --output "$work/baseline-signed.xml" "$work/baseline-unsigned.xml"
BASELINE
chmod +x "$work/baseline.sh"

# fedmd signs first so that both verifiers have its output; then the pairs alternate.
for ((i = 0; i < runs; i++)); do
  measure fedmd-sign "${fedmd_sign[@]}"
  measure xmlsec-sign "${xmlsec_sign[@]}"
  measure fedmd-verify "${fedmd_verify[@]}"
  measure xmlsec-verify "${xmlsec_verify[@]}"
  measure fedmd-run "${fedmd_run[@]}"
  measure baseline-run "$work/baseline.sh"
done
[[ -s "$work/publish/federation-metadata.xml" ]] || { echo "bench.sh: run --once published no federation-metadata.xml" >&2; exit 1; }
xmlsec1 --verify --enabled-key-data rsa --pubkey-pem "$work/pub.pem" "${id_attr[@]}" "$work/baseline-signed.xml" > /dev/null 2>&1 \
  || { echo "bench.sh: the baseline's signed aggregate does not verify" >&2; exit 1; }

# Each tool must accept the other's signature and its own, or the comparison means nothing.
xmlsec1 --verify --enabled-key-data rsa --pubkey-pem "$work/pub.pem" "${id_attr[@]}" "$work/xmlsec-signed.xml" > /dev/null 2>&1 \
  || { echo "bench.sh: xmlsec1 does not verify its own signature" >&2; exit 1; }
"${fedmd[@]}" verify --file "$work/xmlsec-signed.xml" --cert "$cert" > /dev/null \
  || { echo "bench.sh: fedmd verify refuses xmlsec1's signature" >&2; exit 1; }

if $smoke; then
  scale_and_remote
  echo "bench smoke: ok ($entities entities; sign, verify and run --once by fedmd, xmlsec1 and the baseline script, run --once at $sizes entities and from a remote source of $remote all succeeded; no timing)"
  exit 0
fi
size=$(du -m "$work/unsigned.xml" | cut -f1)
printf '\n%s entities, %s MB, median of %s alternated runs each, %s, %s cores\n\n' "$entities" "$size" "$runs" "$(date -u +%FT%TZ)" "$(nproc)"
printf '| work | fedmd time | xmlsec1 time | time ratio (target) | fedmd peak RSS | xmlsec1 peak RSS | memory ratio (target) |\n'
printf '|---|---|---|---|---|---|---|\n'
row() {
  local name="$1" ours="$2" theirs="$3" time_target="$4" memory_target="$5"
  local t1 t2 m1 m2
  t1=$(column_of "$ours" 1 | median); t2=$(column_of "$theirs" 1 | median)
  m1=$(column_of "$ours" 2 | median); m2=$(column_of "$theirs" 2 | median)
  awk -v n="$name" -v t1="$t1" -v t2="$t2" -v m1="$m1" -v m2="$m2" -v tt="$time_target" -v mt="$memory_target" 'BEGIN {
    tr = t1 / t2; mr = m1 / m2
    memory = (mt == "" ? sprintf("%.2fx (no target)", mr) : sprintf("%.2fx (<= %sx %s)", mr, mt, (mr <= mt ? "met" : "NOT met")))
    printf "| %s | %.2f s | %.2f s | %.2fx (<= %sx %s) | %.0f MB | %.0f MB | %s |\n", n, t1, t2, tr, tt, (tr <= tt ? "met" : "NOT met"), m1 / 1024, m2 / 1024, memory
  }'
}
row "sign" fedmd-sign xmlsec-sign 0.5 0.5
row "verify" fedmd-verify xmlsec-verify 0.7 0.5
row "run --once (baseline: xmllint --schema, cat, xmlsec1 --sign)" fedmd-run baseline-run 0.5 ""
