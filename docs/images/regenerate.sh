#!/usr/bin/env bash
# Regenerates the README's screenshots from a fresh short run of the sample benchmarks:
# pprof's web UI in headless Chromium at 1400x900, as a newcomer first sees it.
# Needs benchmarks/target/benchmarks.jar (./mvnw -q -DskipTests package), go, graphviz,
# chromium and node with benchmarks/src/test/node's packages (npm ci there; ./setup.sh does it).
# Usage: docs/images/regenerate.sh   (from anywhere; writes docs/images/*.png)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
images="$repo/docs/images"
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

cd "$work"
java -Djmh.ignoreLock=true -jar "$repo/benchmarks/target/benchmarks.jar" 'BubbleSortBenchmark|ConcatBenchmark.builder' \
  -f 1 -wi 2 -w 500ms -i 3 -r 500ms -prof pprof > jmh-output.txt

serve() { # PORT FILE: pprof's web UI on loopback, in the background
  go tool pprof -no_browser -http="127.0.0.1:$1" -source_path="$repo/benchmarks/src/main/java" "$2" > "pprof-$1.log" 2>&1 &
  pids+=($!)
}
serve 18081 pprof/*BubbleSortBenchmark.bubbleSort*/cpu.pb.gz
serve 18082 pprof/*ConcatBenchmark.builder*/alloc.pb.gz
for port in 18081 18082; do
  for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/ui/" > /dev/null && break; sleep 0.2; done
done

node "$repo/benchmarks/src/test/node/web-ui.mjs" "$work/shots" \
  cpu-graph http://127.0.0.1:18081/ui/ 1400x900 \
  cpu-flamegraph http://127.0.0.1:18081/ui/flamegraph 1400x900 \
  alloc-graph http://127.0.0.1:18082/ui/ 1400x900
for name in cpu-graph cpu-flamegraph alloc-graph; do
  if [ -s "$work/shots/$name.errors.txt" ]; then
    echo "$name: browser errors:" >&2; cat "$work/shots/$name.errors.txt" >&2; exit 1
  fi
  cp "$work/shots/$name.png" "$images/$name.png"
done
echo "wrote $images/cpu-graph.png, cpu-flamegraph.png and alloc-graph.png"
