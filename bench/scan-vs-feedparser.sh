#!/usr/bin/env bash
# `scan --json --all` over the corpus feeds copied N times, side by side with Python feedparser parsing the
# same files (parse alone: feedparser.parse on each file, no analysis), in one run. Prints, per tool and copy
# count: files, stories, wall seconds, CPU seconds (user + system, the tool and its children), peak RSS, and
# the load average before each measurement. Issue 13's goal: scan's CPU time at most feedparser's, and scan's
# peak memory independent of the number of inputs.
#
# Usage: bench/scan-vs-feedparser.sh [COPIES...]   (default 30; e.g. "30 100" to compare memory)
# Needs target/newsalert.jar (mvn -B -q package -DskipTests), ../shared/corpus/feeds and python3-feedparser;
# skips with a message when the corpus or feedparser is missing (PYTHON picks the interpreter). JVM options for scan: SCAN_JAVA_OPTS.
# SCAN_JAR=FILE measures that jar instead of target/newsalert.jar; OLD_JAR=FILE also measures a second jar
# (e.g. main's) right after it on the same copies, for before/after pairs.
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=../shared/corpus/feeds
if [ ! -d "$corpus" ]; then
  echo "skipped: $corpus not found (the shared corpus is not next to this checkout)"
  exit 0
fi
# the first Python that has feedparser: $PYTHON, python3 on the PATH, then the system's (Debian's package)
py=
for candidate in ${PYTHON:-} python3 /usr/bin/python3; do
  if "$candidate" -c 'import feedparser' 2>/dev/null; then py=$candidate; break; fi
done
if [ -z "$py" ]; then
  echo "skipped: Python feedparser is not installed (Debian: apt-get install python3-feedparser; or set PYTHON)"
  exit 0
fi
jar=${SCAN_JAR:-target/newsalert.jar}
if [ ! -f "$jar" ]; then
  echo "error: $jar not found: build it with 'mvn -B -q package -DskipTests'" >&2
  exit 2
fi
copies_list=("${@:-30}")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# measure LABEL COMMAND...: runs COMMAND with stdout to $work/out, prints one table row
measure() {
  local label=$1; shift
  local load
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" > "$work/out" 2> "$work/err" || {
    echo "error: $label failed:" >&2; tail -5 "$work/err" >&2; exit 1; }
  read -r wall user sys rss_kb < "$work/time"
  local stories
  stories=$(grep -c . "$work/out" || true)
  printf '| %s | %s | %s | %s | %.1f | **%.1f** | %d | %s |\n' "$label" "$copies" "$files" "$stories" "$wall" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}')" "$((rss_kb / 1024))" "$load"
}

cat > "$work/parse.py" <<'EOF'
# feedparser's parse alone over every file under the given folder: one line per entry, nothing else
import os, sys, feedparser
for root, dirs, names in os.walk(sys.argv[1]):
    dirs.sort()
    for name in sorted(names):
        if name.startswith('.'):
            continue
        for entry in feedparser.parse(os.path.join(root, name)).entries:
            print(entry.get('id') or entry.get('link') or '-')
EOF

echo "scan vs feedparser: $(java -version 2>&1 | head -1), $("$py" --version) with feedparser $("$py" -c 'import feedparser; print(feedparser.__version__)'), $(nproc) cores"
echo
echo "| tool | copies | files | stories | wall s | CPU s | peak RSS MB | load before (1/5/15 min) |"
echo "|---|---:|---:|---:|---:|---:|---:|---|"
for copies in "${copies_list[@]}"; do
  rm -rf "$work/feeds"; mkdir "$work/feeds"
  for i in $(seq 1 "$copies"); do
    mkdir "$work/feeds/copy$i"; cp "$corpus"/* "$work/feeds/copy$i/"
  done
  files=$(find "$work/feeds" -type f ! -name '.*' | wc -l)
  measure "Python feedparser, parse alone" "$py" "$work/parse.py" "$work/feeds"
  # shellcheck disable=SC2086
  measure "newsalert scan --json --all" java ${SCAN_JAVA_OPTS:-} -jar "$jar" scan --json --all "$work/feeds"
  if [ -n "${OLD_JAR:-}" ]; then
    # shellcheck disable=SC2086
    measure "newsalert scan --json --all, OLD_JAR" java ${SCAN_JAVA_OPTS:-} -jar "$OLD_JAR" scan --json --all "$work/feeds"
  fi
done
