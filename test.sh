#!/usr/bin/env bash
# Runs every test: ./test.sh [extra Maven arguments], after ./setup.sh has installed what they need.
# The tests run on the JDK 17 of Maven's toolchains file (~/.m2/toolchains.xml), the end-to-end
# tests again on its JDK 25. Where it lists no JDK 25, the JDK 25 runs are skipped with a warning
# (-Dskip.jdk25=true), except in CI (CI=true), which runs them and so fails instead.
set -euo pipefail
cd "$(dirname "$0")"

toolchains=$HOME/.m2/toolchains.xml
if [ ! -f "$toolchains" ]; then
  echo "test.sh: no $toolchains, where the tests find their JDK 17 and 25: run ./setup.sh first." >&2
  exit 1
fi
jdk25_args=()
if ! grep -Eq '<version>[[:space:]]*25([.][^<]*)?[[:space:]]*</version>' "$toolchains"; then
  if [ "${CI:-}" = "true" ]; then
    echo "test.sh: $toolchains lists no JDK 25; CI runs the end-to-end tests on JDK 17 and 25." >&2
    echo "         Install a JDK 25 under /usr/lib/jvm and run ./setup.sh again." >&2
    exit 1
  fi
  echo "test.sh: WARNING: $toolchains lists no JDK 25: the JDK 25 runs are skipped; CI runs them." >&2
  echo "         Install a JDK 25 under /usr/lib/jvm and run ./setup.sh again to run them here." >&2
  jdk25_args=(-Dskip.jdk25=true)
fi

exec ./mvnw -B verify "${jdk25_args[@]}" "$@"
