#!/usr/bin/env sh
# Prints the path of a Chromium for the browser test, or nothing if the test must be skipped.
#
# 1. A Chromium already installed ($SRDI_CHROMIUM, chromium, chromium-browser, google-chrome).
# 2. Else, only when running as root on a Debian-like system: Debian's chromium, without its
#    recommended packages. Nothing else on the host is installed or upgraded.
# 3. Else nothing, and a note on stderr saying how to get one. Under CI (SRDI_CI=1, which
#    .ci/run sets) a missing browser is an error instead: CI must run every suite.
set -eu

found() {
    for candidate in "${SRDI_CHROMIUM:-}" chromium chromium-browser google-chrome; do
        [ -n "$candidate" ] && command -v "$candidate" 2>/dev/null && return 0
    done
    return 1
}

if found; then
    exit 0
fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "browser test: installing Debian's chromium (--no-install-recommends)" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >&2
    found && exit 0
fi

if [ "${SRDI_CI:-}" = 1 ]; then
    echo "browser test: FAILED — no Chromium found, and CI (SRDI_CI=1) runs every suite." >&2
else
    echo "browser test: SKIPPED — no Chromium found." >&2
fi
cat >&2 <<'EOF'
  Install one (Debian/Ubuntu: sudo apt-get install --no-install-recommends chromium;
  macOS: brew install --cask chromium) or point SRDI_CHROMIUM at a Chromium or Chrome binary,
  then run `make test-browser`.
EOF
[ "${SRDI_CI:-}" != 1 ]
