#!/usr/bin/env bash
# Runs every test: ./test.sh [extra Maven arguments]
# Installs what the tests need when it is missing (Go's `go tool pprof`, graphviz, Chromium,
# Node.js and the npm packages of benchmarks/src/test/node), prints nothing about that when
# all goes well, then runs ./mvnw -B verify.
set -euo pipefail
cd "$(dirname "$0")"

# The same places GoPprof (the tests' helper) looks in.
have_go_pprof() {
  local go
  for go in "$(command -v go || true)" /usr/lib/go/bin/go /usr/local/go/bin/go; do
    if [ -n "$go" ] && [ -x "$go" ] && [ -x "$("$go" tool -n pprof 2>/dev/null)" ]; then
      return 0
    fi
  done
  return 1
}

missing=()
have_go_pprof || missing+=(golang-go)
command -v dot >/dev/null || missing+=(graphviz)          # pprof's graph views
command -v javac >/dev/null || missing+=(openjdk-17-jdk-headless)
[ -x /usr/bin/chromium ] || missing+=(chromium)           # the web UI test's browser
{ command -v node && command -v npm; } >/dev/null || missing+=(nodejs npm)

if [ ${#missing[@]} -gt 0 ]; then
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then
      sudo=(sudo)
    else
      echo "test.sh: missing ${missing[*]}; install them (apt-get install -y ${missing[*]}) as root and run again." >&2
      exit 1
    fi
  fi
  if ! command -v apt-get >/dev/null; then
    echo "test.sh: missing ${missing[*]}: install Go (with go tool pprof), graphviz, Chromium, Node.js 20+ and a JDK 17+ and run again." >&2
    exit 1
  fi
  log=$(mktemp)
  if ! { "${sudo[@]}" apt-get update -qq &&
         "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "test.sh: could not install ${missing[*]} with apt-get; install them and run again." >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
  if ! have_go_pprof; then
    echo "test.sh: golang-go is installed but go tool pprof was not found." >&2
    exit 1
  fi
fi

# The Node.js half of ViewerConformanceIT: a second pprof decoder and playwright-core, at the
# versions of package-lock.json. `npm ci` runs again only when the lock file has changed.
node_dir=benchmarks/src/test/node
installed_lock="$node_dir/node_modules/.installed-package-lock.json"
if ! cmp -s "$node_dir/package-lock.json" "$installed_lock"; then
  log=$(mktemp)
  if ! (cd "$node_dir" && npm ci --no-audit --no-fund) >"$log" 2>&1; then
    cat "$log" >&2
    echo "test.sh: npm ci failed in $node_dir" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
  cp "$node_dir/package-lock.json" "$installed_lock"
fi

# The end-to-end tests also run on JDK 25 (CPU-time sampling); machines of this project keep
# one under /usr/lib/jvm. Debian 12 does not package JDK 25, so it cannot be installed here.
jdk25=${JDK25_JAVA:-}
if [ -z "$jdk25" ]; then
  for java in /usr/lib/jvm/*25*/bin/java; do
    if [ -x "$java" ]; then jdk25=$java; break; fi
  done
fi
jdk25_args=(-Djdk25.java="$jdk25")
if [ -z "$jdk25" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "test.sh: no JDK 25 under /usr/lib/jvm; CI runs the end-to-end tests on JDK 17 and 25." >&2
    echo "         Install a JDK 25 there, or set JDK25_JAVA=<path to its bin/java>." >&2
    exit 1
  fi
  echo "test.sh: WARNING: no JDK 25 under /usr/lib/jvm (or JDK25_JAVA): the JDK 25 runs are skipped;" >&2
  echo "         CI runs them. Set JDK25_JAVA=<path to a JDK 25 bin/java> to run them here." >&2
  jdk25_args=(-Dskip.jdk25=true)
fi

exec ./mvnw -B verify "${jdk25_args[@]}" "$@"
