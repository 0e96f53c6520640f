#!/usr/bin/env bash
# Runs DeliveryDrain with two harness jars alternately, so old and new are measured side by side on a shared,
# noisy machine (BENCHMARKS.md, "Delivery throughput on a real clock").
# usage: bench/delivery-drain-pair.sh OLD_BENCHMARKS_JAR NEW_BENCHMARKS_JAR [ROUNDS] [CHATS] [ALERTS]
# Build each jar with: mvn -B -q -Pbench package -Dmaven.test.skip=true   (in a worktree of each commit; copy
# src/jmh/java/newsalert/app/DeliveryDrain.java into an old commit that lacks it)
set -euo pipefail
old=${1:?give the old harness jar}; new=${2:?give the new harness jar}
rounds=${3:-2}; chats=${4:-1000}; alerts=${5:-3}
for i in $(seq 1 "$rounds"); do
  for v in old new; do
    jar=$new; [ "$v" = old ] && jar=$old
    line=$(java -Xmx512m -cp "$jar" newsalert.app.DeliveryDrain --chats "$chats" --alerts "$alerts" 2>/dev/null \
      | grep '^messages=' || echo "no result")
    echo "$v load=$(cut -d' ' -f1 /proc/loadavg) $line"
  done
done
