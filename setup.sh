#!/usr/bin/env bash
# Installs what the tests need, once per machine (again after a change of package-lock.json): ./setup.sh
# - with apt-get, what is missing of Go (for `go tool pprof`), graphviz, a JDK 17, Chromium, and
#   Node.js with npm;
# - the npm packages of benchmarks/src/test/node (`npm ci`, only when package-lock.json changed);
# - Maven's toolchains file, ~/.m2/toolchains.xml, from the JDKs under /usr/lib/jvm and at
#   $JAVA_HOME: the tests run on its JDK 17, and the end-to-end tests again on its JDK 25. A
#   toolchains file of your own is left alone; setup.sh says when it lacks one of the two.
# Prints nothing when all goes well. Then ./test.sh runs the tests.
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

# "<feature version> <JDK home>" for each JDK at $JAVA_HOME and under /usr/lib/jvm, the first one
# of each feature version only.
find_jdks() {
  local home version feature seen=" "
  for home in ${JAVA_HOME:+"$JAVA_HOME"} /usr/lib/jvm/*; do
    home=$(readlink -f "$home") || continue
    [ -x "$home/bin/java" ] && [ -f "$home/release" ] || continue
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)"$/\1/p' "$home/release")
    feature=${version%%[.+-]*}
    case "$seen" in *" $feature "*) continue ;; esac
    [ -n "$feature" ] || continue
    seen="$seen$feature "
    echo "$feature $home"
  done
}

missing=()
have_go_pprof || missing+=(golang-go)
command -v dot >/dev/null || missing+=(graphviz)          # pprof's graph views
grep -q '^17 ' <<<"$(find_jdks)" || missing+=(openjdk-17-jdk-headless)
[ -x /usr/bin/chromium ] || missing+=(chromium)           # the web UI test's browser
{ command -v node && command -v npm; } >/dev/null || missing+=(nodejs npm)

if [ ${#missing[@]} -gt 0 ]; then
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then
      sudo=(sudo)
    else
      echo "setup.sh: missing ${missing[*]}; install them (apt-get install -y ${missing[*]}) as root and run again." >&2
      exit 1
    fi
  fi
  if ! command -v apt-get >/dev/null; then
    echo "setup.sh: missing ${missing[*]}: install Go (with go tool pprof), graphviz, Chromium, Node.js 20+ and a JDK 17 and run again." >&2
    exit 1
  fi
  log=$(mktemp)
  if ! { "${sudo[@]}" apt-get update -qq &&
         "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "setup.sh: could not install ${missing[*]} with apt-get; install them and run again." >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
  if ! have_go_pprof; then
    echo "setup.sh: golang-go is installed but go tool pprof was not found." >&2
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
    echo "setup.sh: npm ci failed in $node_dir" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
  cp "$node_dir/package-lock.json" "$installed_lock"
fi

# Maven's toolchains file. Debian 12 packages no JDK 25, so this script cannot install one: where
# none is found, ./test.sh skips the JDK 25 runs and says so (CI, which runs them, fails instead).
toolchains=$HOME/.m2/toolchains.xml
marker="written by jmh-pprof's setup.sh"
if [ ! -e "$toolchains" ] || grep -q "$marker" "$toolchains"; then
  mkdir -p "$(dirname "$toolchains")"
  {
    echo '<?xml version="1.0" encoding="UTF-8"?>'
    echo "<!-- The JDKs of this machine, $marker, which rewrites it: delete this line to keep edits. -->"
    echo '<toolchains>'
    while read -r feature home; do
      [ -n "$feature" ] || continue
      echo "  <toolchain>"
      echo "    <type>jdk</type>"
      echo "    <provides>"
      echo "      <version>$feature</version>"
      echo "    </provides>"
      echo "    <configuration>"
      echo "      <jdkHome>$home</jdkHome>"
      echo "    </configuration>"
      echo "  </toolchain>"
    done <<<"$(find_jdks)"
    echo '</toolchains>'
  } >"$toolchains.tmp"
  mv "$toolchains.tmp" "$toolchains"
else
  for feature in 17 25; do
    if ! grep -Eq "<version>[[:space:]]*$feature([.][^<]*)?[[:space:]]*</version>" "$toolchains"; then
      echo "setup.sh: your $toolchains (left as it is) lists no JDK $feature: add a <toolchain> of <type>jdk</type>" >&2
      echo "          with <provides><version>$feature</version></provides> and its <configuration><jdkHome>." >&2
    fi
  done
fi
