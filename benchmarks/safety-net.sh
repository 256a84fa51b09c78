#!/usr/bin/env bash
# The safety net of issue 16: the decisions Amends makes, recorded once and compared byte for byte
# after every change to the engine.
#
#   benchmarks/safety-net.sh record    writes benchmarks/safety-net/ (commit it)
#   benchmarks/safety-net.sh compare   recomputes everything into a temporary directory and
#                                      compares it with benchmarks/safety-net/; exits 1 on any
#                                      difference (and prints the diff), 0 when identical
#
# What is recorded:
#   examples/  for every run shown in an example's README (each folder in examples/, with its
#              policy variants and campaign): the `amends credit` NDJSON (traces off) and its
#              summary (standard error, less the "Run" timings), then `amends explain` for every
#              account of the accounts file (traces on), one file per account.
#   fleet.sha256  the canonical fleet (WriteFleet: 1,000,000 accounts, 200 clusters, 20,000
#              outages, seed 42, March 2026): the sha256 of its four input files, of the
#              `amends credit` NDJSON over it (traces off), of its --summary JSON and of its
#              summary text (less the "Run" timings). The 1M output itself (about 1 GB) is not
#              committed; set KEEP=DIR to keep it for a diff.
#
# Build first (from the repository's root): mvn -B -ntp package -DskipTests
# Environment: JAVA (default: java on the PATH; JDK 21 or later), FLEET_DIR (where the fleet's
#              input files are written and reused; default benchmarks/target/safety-net-fleet),
#              SKIP_FLEET=1 (examples only: quick, for development), KEEP=DIR (keep outputs).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
java="${JAVA:-java}"
cli="$root/amends-cli/target/amends-cli.jar"
bench="$root/benchmarks/target/benchmarks.jar"
net="$root/benchmarks/safety-net"
fleet_dir="${FLEET_DIR:-$root/benchmarks/target/safety-net-fleet}"
mode="${1:-}"
case "$mode" in
  record|compare) ;;
  *) echo "usage: benchmarks/safety-net.sh record|compare" >&2; exit 2 ;;
esac
for jar in "$cli" "$bench"; do
  [[ -f "$jar" ]] || { echo "safety-net: $jar is missing; build first: mvn -B -ntp package -DskipTests" >&2; exit 2; }
done

if [[ -n "${KEEP:-}" ]]; then
  out="$KEEP"; mkdir -p "$out"
else
  out="$(mktemp -d "${TMPDIR:-/tmp}/amends-safety-net.XXXXXX")"
  trap 'rm -rf "$out"' EXIT
fi
mkdir -p "$out/examples"

amends() { "$java" -Xmx512m -jar "$cli" "$@"; }
# The summary less its "Run" section (elapsed time, rates, heap: they vary from run to run).
no_timings() { sed '/^Run$/,$d'; }

# run NAME PERIOD ARGS...: credit (traces off) then explain (traces on) for every account.
run() {
  local name="$1" period="$2"; shift 2
  local dir="$out/examples/$name" accounts="" a
  mkdir -p "$dir"
  local prev=""
  for a in "$@"; do
    if [[ "$prev" == "--accounts" ]]; then accounts="$a"; fi
    prev="$a"
  done
  (cd "$root" && amends credit "$@" --period "$period" --threads 1 --out "$dir/credit.ndjson" \
      2> >(no_timings > "$dir/credit.summary.txt")) || echo "exit $?" >> "$dir/credit.exit"
  wait
  while IFS= read -r id; do
    (cd "$root" && amends explain "$@" --period "$period" --account "$id" > "$dir/explain-$id.txt" 2>&1) \
      || echo "exit $?" >> "$dir/explain-$id.txt"
  done < <(cd "$root" && jq -r '.id' "$accounts")
}

e=examples
run cloud-tiers 2026-06 --policy $e/cloud-tiers/policy.json --accounts $e/cloud-tiers/accounts.ndjson \
  --outages $e/cloud-tiers/outages.ndjson --claims $e/cloud-tiers/claims.ndjson
run corrected-outage-run1 2007-11 --policy $e/corrected-outage/policy.json \
  --accounts $e/corrected-outage/accounts.ndjson --outages $e/corrected-outage/outages.ndjson
run corrected-outage-run2 2007-11 --policy $e/corrected-outage/policy.json \
  --accounts $e/corrected-outage/accounts.ndjson --outages $e/corrected-outage/outages-corrected.ndjson \
  --previous "$out/examples/corrected-outage-run1/credit.ndjson"
run days-of-service 2026-07 --policy $e/days-of-service/policy.json \
  --accounts $e/days-of-service/accounts.ndjson --outages $e/days-of-service/outages.ndjson
run days-of-service-term-extension 2026-07 --policy $e/days-of-service/term-extension.json \
  --accounts $e/days-of-service/accounts.ndjson --outages $e/days-of-service/outages.ndjson
run grid-2007 2007-12 --policy $e/grid-2007/policy.json \
  --accounts $e/grid-2007/accounts.ndjson --outages $e/grid-2007/outages.ndjson
run grid-2007-goodwill 2007-12 --policy $e/grid-2007/policy.json --campaign $e/grid-2007/goodwill.json \
  --accounts $e/grid-2007/accounts.ndjson --outages $e/grid-2007/outages.ndjson
run per-half-hour 2026-03 --policy $e/per-half-hour/policy.json \
  --accounts $e/per-half-hour/accounts.ndjson --outages $e/per-half-hour/outages.ndjson
run prorated-multiple 2026-06 --policy $e/prorated-multiple/policy.json \
  --accounts $e/prorated-multiple/accounts.ndjson --outages $e/prorated-multiple/outages.ndjson

if [[ -z "${SKIP_FLEET:-}" ]]; then
  if [[ ! -f "$fleet_dir/accounts.ndjson" || ! -f "$fleet_dir/campaign.json" ]]; then
    "$java" -Xmx1g -cp "$bench" dev.amends.benchmarks.WriteFleet "$fleet_dir" 42 1000000 200 20000
  fi
  amends credit --policy "$fleet_dir/policy.json" --campaign "$fleet_dir/campaign.json" \
    --accounts "$fleet_dir/accounts.ndjson" --outages "$fleet_dir/outages.ndjson" --period 2026-03 \
    --out "$out/fleet.ndjson" --summary "$out/fleet.summary.json" 2> >(no_timings > "$out/fleet.summary.txt")
  wait
  (cd "$fleet_dir" && sha256sum accounts.ndjson outages.ndjson policy.json campaign.json) > "$out/fleet.sha256"
  (cd "$out" && sha256sum fleet.ndjson fleet.summary.json fleet.summary.txt) >> "$out/fleet.sha256"
  [[ -n "${KEEP:-}" ]] || rm -f "$out/fleet.ndjson"
fi

if [[ "$mode" == record ]]; then
  rm -rf "$net/examples"
  mkdir -p "$net"
  cp -r "$out/examples" "$net/examples"
  if [[ -f "$out/fleet.sha256" ]]; then cp "$out/fleet.sha256" "$net/fleet.sha256"; fi
  echo "safety-net: recorded into $net" >&2
else
  status=0
  diff -r "$net/examples" "$out/examples" || status=1
  if [[ -f "$out/fleet.sha256" ]]; then diff "$net/fleet.sha256" "$out/fleet.sha256" || status=1; fi
  if [[ $status -eq 0 ]]; then echo "safety-net: identical" >&2; else echo "safety-net: DIFFERENT" >&2; fi
  exit $status
fi
