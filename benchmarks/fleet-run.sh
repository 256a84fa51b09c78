#!/usr/bin/env bash
# The canonical fleet end to end: writes 1,000,000 accounts, 200 clusters and 20,000 outages in
# March 2026 (seed 42) with the SLA policy and the goodwill campaign to a directory, then runs
#   amends-cli/amends credit ... --out /dev/null        (the launcher users run: AOT cache on JDK
#                                                        25+, else AppCDS archive;
#                                                        AMENDS_JAVA_OPTS=-Xmx512m)
# over them and prints the command's summary, its run figures (elapsed, accounts per second,
# policy load, peak heap) and the process's CPU time and resident memory. Before the measured
# run, two short untimed runs over the first 1,000 accounts let the launcher make its cache (on
# JDK 25+ the launcher's first run on a new jar is the AOT cache's training run and the next one
# assembles the cache; on JDK 19 to 24 the first run writes the archive on exit; later runs, as
# the measured one, map it).
# /dev/null is written directly (a device is never replaced; before, a run as root moved its
# temporary file onto /dev/null, which then was a regular file).
#
# Build first (from the repository's root): mvn -B -ntp package -DskipTests
# Usage: benchmarks/fleet-run.sh [DIR]   (DIR defaults to a new temporary directory, removed after;
#        a DIR given is kept, and its files are reused if they are there)
# Environment: JAVA (default: java on the PATH; JDK 21 or later), HEAP (default 512m),
#              ACCOUNTS CLUSTERS OUTAGES SEED (default the canonical 1000000 200 20000 42),
#              SHAPE=issue16 (issue 16's fleet shape: 4 services of 50 clusters of 20 nodes, 2,000
#              outages; CLUSTERS and OUTAGES are then not read; give a DIR of its own, since a
#              DIR's files are reused whatever their shape),
#              CREDIT_ARGS (more arguments for amends credit, such as "--threads 2"),
#              PLAIN_JAR=1 (run java -Xmx512m -jar amends-cli/target/amends-cli.jar instead of the
#              launcher: no archive, as the figures before 7 December 2026 were measured),
#              THREAD_CPU=1 (also print each thread's CPU, user + system, read from /proc every
#              half second: main, the batch, read-ahead and write-behind threads, the JIT
#              compilers, the collector (the main thread shows as "java"); Linux only).
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
  if [[ -n "${SHAPE:-}" ]]; then
    "$java" -Xmx1g -cp "$bench" dev.amends.benchmarks.WriteFleet "$dir" "${SEED:-42}" "${ACCOUNTS:-1000000}" "$SHAPE"
  else
    "$java" -Xmx1g -cp "$bench" dev.amends.benchmarks.WriteFleet "$dir" "${SEED:-42}" \
      "${ACCOUNTS:-1000000}" "${CLUSTERS:-200}" "${OUTAGES:-20000}"
  fi
fi
echo "machine: $(nproc) cores, $("$java" -version 2>&1 | head -1)" >&2
if [[ "${PLAIN_JAR:-}" == 1 ]]; then
  run=("$java" "-Xmx$heap" -jar "$cli")
  echo "run: java -jar (PLAIN_JAR=1, no AOT cache or AppCDS archive)" >&2
else
  # the launcher takes its java from JAVA_HOME: the JDK of $java
  java_path="$(command -v "$java")" || { echo "fleet-run: no java at $java" >&2; exit 2; }
  java_home="$(dirname "$(dirname "$(readlink -f "$java_path")")")"
  run=(env JAVA_HOME="$java_home" AMENDS_JAVA_OPTS="-Xmx$heap" AMENDS_JAR="$cli" "$root/amends-cli/amends")
  echo "run: amends-cli/amends (AOT cache on JDK 25+, else AppCDS archive; PLAIN_JAR=1 for java -jar)" >&2
  first="$(mktemp "${TMPDIR:-/tmp}/amends-fleet-first.XXXXXX")"
  head -n 1000 "$dir/accounts.ndjson" > "$first"
  for _ in 1 2; do
    "${run[@]}" credit --policy "$dir/policy.json" --campaign "$dir/campaign.json" \
      --accounts "$first" --outages "$dir/outages.ndjson" --period 2026-03 \
      --out /dev/null > /dev/null 2>&1 || true
  done
  rm -f "$first"
fi
time_cmd=()
if [[ -x /usr/bin/time ]]; then
  time_cmd=(/usr/bin/time -f "process: %e s wall, %U s user, %S s system CPU, %M KB max resident")
fi
measured=("${time_cmd[@]}" "${run[@]}" credit --policy "$dir/policy.json" --campaign "$dir/campaign.json"
  --accounts "$dir/accounts.ndjson" --outages "$dir/outages.ndjson" --period 2026-03 --out /dev/null)
if [[ "${THREAD_CPU:-}" != 1 ]]; then
  # shellcheck disable=SC2086
  "${measured[@]}" ${CREDIT_ARGS:-}
  exit
fi
# THREAD_CPU=1: the largest user + system time each thread of the run (and of its child, the JVM
# under /usr/bin/time) reached, read every half second; threads are summed by name without
# their number (the JIT's C2 CompilerThre0 and 1, the GC Thread#0 and #1)
ticks="$(mktemp "${TMPDIR:-/tmp}/amends-fleet-ticks.XXXXXX")"
# shellcheck disable=SC2086
"${measured[@]}" ${CREDIT_ARGS:-} &
top=$!
while kill -0 "$top" 2>/dev/null; do
  for pid in "$top" $(pgrep -P "$top" 2>/dev/null || true); do
    for task in /proc/"$pid"/task/*; do
      stat="$(cat "$task/stat" 2>/dev/null)" || continue
      name="$(cat "$task/comm" 2>/dev/null)" || continue
      # after the ")" that ends the name: field 12 is utime, 13 stime (in clock ticks)
      echo "${task##*/}|$name|$(awk '{print $12 + $13}' <<< "${stat##*)}")"
    done
  done >> "$ticks"
  sleep 0.5
done
status=0
wait "$top" || status=$?
awk -F'|' -v hz="$(getconf CLK_TCK)" '
  $3 != "" && $3 >= most[$1] { most[$1] = $3; name[$1] = $2 }
  END {
    for (t in most) { n = name[t]; sub(/[#0-9-]+$/, "", n); sub(/ +$/, "", n); cpu[n] += most[t] }
    for (n in cpu) if (cpu[n] > 0) printf "thread CPU: %-24s %7.2f s\n", n, cpu[n] / hz
  }' "$ticks" | sort >&2
rm -f "$ticks"
exit "$status"
