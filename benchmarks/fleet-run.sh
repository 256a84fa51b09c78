#!/usr/bin/env bash
# The canonical fleet end to end: writes 1,000,000 accounts, 200 clusters and 20,000 outages in
# March 2026 (seed 42) with the SLA policy and the goodwill campaign to a directory, then runs
#   amends-cli/amends credit ... --out /dev/null        (the launcher users run: AppCDS archive,
#                                                        AMENDS_JAVA_OPTS=-Xmx512m)
# over them and prints the command's summary, its run figures (elapsed, accounts per second,
# policy load, peak heap) and the process's CPU time and resident memory. Before the measured
# run, a short untimed run over the first 1,000 accounts lets the launcher write its archive
# (the launcher's first run on a new jar writes it on exit; later runs, as here, map it).
#
# Build first (from the repository's root): mvn -B -ntp package -DskipTests
# Usage: benchmarks/fleet-run.sh [DIR]   (DIR defaults to a new temporary directory, removed after;
#        a DIR given is kept, and its files are reused if they are there)
# Environment: JAVA (default: java on the PATH; JDK 21 or later), HEAP (default 512m),
#              ACCOUNTS CLUSTERS OUTAGES SEED (default the canonical 1000000 200 20000 42),
#              CREDIT_ARGS (more arguments for amends credit, such as "--threads 2"),
#              PLAIN_JAR=1 (run java -Xmx512m -jar amends-cli/target/amends-cli.jar instead of the
#              launcher: no archive, as the figures before 7 December 2026 were measured).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
java="${JAVA:-java}"
heap="${HEAP:-512m}"
cli="$root/amends-cli/target/amends-cli.jar"
bench="$root/benchmarks/target/benchmarks.jar"
for jar in "$cli" "$bench"; do
  [[ -f "$jar" ]] || { echo "fleet-run: $jar is missing; build first: mvn -B -ntp package -DskipTests" >&2; exit 2; }
done
if [[ $# -ge 1 ]]; then
  dir="$1"
else
  dir="$(mktemp -d "${TMPDIR:-/tmp}/amends-fleet.XXXXXX")"
  trap 'rm -rf "$dir"' EXIT
fi
if [[ ! -f "$dir/accounts.ndjson" || ! -f "$dir/campaign.json" ]]; then
  "$java" -Xmx1g -cp "$bench" dev.amends.benchmarks.WriteFleet "$dir" "${SEED:-42}" \
    "${ACCOUNTS:-1000000}" "${CLUSTERS:-200}" "${OUTAGES:-20000}"
fi
echo "machine: $(nproc) cores, $("$java" -version 2>&1 | head -1)" >&2
if [[ "${PLAIN_JAR:-}" == 1 ]]; then
  run=("$java" "-Xmx$heap" -jar "$cli")
  echo "run: java -jar (PLAIN_JAR=1, no AppCDS archive)" >&2
else
  # the launcher takes its java from JAVA_HOME: the JDK of $java
  java_path="$(command -v "$java")" || { echo "fleet-run: no java at $java" >&2; exit 2; }
  java_home="$(dirname "$(dirname "$(readlink -f "$java_path")")")"
  run=(env JAVA_HOME="$java_home" AMENDS_JAVA_OPTS="-Xmx$heap" AMENDS_JAR="$cli" "$root/amends-cli/amends")
  echo "run: amends-cli/amends (AppCDS archive; PLAIN_JAR=1 for java -jar)" >&2
  first="$(mktemp "${TMPDIR:-/tmp}/amends-fleet-first.XXXXXX")"
  head -n 1000 "$dir/accounts.ndjson" > "$first"
  "${run[@]}" credit --policy "$dir/policy.json" --campaign "$dir/campaign.json" \
    --accounts "$first" --outages "$dir/outages.ndjson" --period 2026-03 \
    --out /dev/null > /dev/null 2>&1 || true
  rm -f "$first"
fi
time_cmd=()
if [[ -x /usr/bin/time ]]; then
  time_cmd=(/usr/bin/time -f "process: %e s wall, %U s user, %S s system CPU, %M KB max resident")
fi
# shellcheck disable=SC2086
"${time_cmd[@]}" "${run[@]}" credit --policy "$dir/policy.json" --campaign "$dir/campaign.json" \
  --accounts "$dir/accounts.ndjson" --outages "$dir/outages.ndjson" --period 2026-03 \
  --out /dev/null ${CREDIT_ARGS:-}
