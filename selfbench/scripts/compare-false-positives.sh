#!/bin/bash
# How often Compare calls the same code significantly different on this machine (docs/compare-runs.md).
# Each trial runs the same benchmarks jar on two sides, one fork at a time, side a then side b,
# ROUNDS times, and compares the sides' pooled forks. Prints each trial's significant rows and
# the number of trials with every benchmark `~`.
#
#   selfbench/scripts/compare-false-positives.sh [JAR] [OUT_DIR] [TRIALS] [ROUNDS]
#
# Extra JMH options for side b only (a positive control, e.g. "-jvmArgsAppend -XX:-UseCompressedOops"):
#   SIDE_B_ARGS="..." selfbench/scripts/compare-false-positives.sh
set -euo pipefail
jar=$(realpath "${1:-benchmarks/target/benchmarks.jar}")
out=${2:-target/compare-false-positives}
trials=${3:-10}
rounds=${4:-5}
benchmarks=${BENCHMARKS:-'BubbleSortBenchmark|PreallocBenchmark.listPresized|ConcatBenchmark.builder'}
read -r -a side_b_args <<< "${SIDE_B_ARGS:-}"
mkdir -p "$out"
cd "$out"
quiet=0
for t in $(seq 0 $((trials - 1))); do
  a=() b=()
  for i in $(seq 1 "$rounds"); do
    for side in a b; do
      extra=()
      [ "$side" = b ] && extra=("${side_b_args[@]}")
      java -Djmh.ignoreLock=true -jar "$jar" "$benchmarks" -f 1 -wi 1 -w 200ms -i 3 -r 200ms \
          ${extra[@]+"${extra[@]}"} -prof "pprof:dir=t$t-$side$i" > "t$t-$side$i.log" 2>&1
    done
    a+=("t$t-a$i") b+=("t$t-b$i")
  done
  java -cp "$jar" io.github.jmhpprof.Compare --csv "trial$t.csv" \
      "$(IFS=,; echo "${a[*]}")" "$(IFS=,; echo "${b[*]}")" > "trial$t.txt"
  significant=$(grep -c ',true,' "trial$t.csv" || true)
  [ "$significant" = 0 ] && quiet=$((quiet + 1))
  echo "trial $t ($(date -u +%T), load $(cut -d' ' -f1 /proc/loadavg)): $significant significant"
  grep ',true,' "trial$t.csv" | cut -d, -f1,6,7 || true
done
echo "$quiet of $trials trials had every benchmark ~"
