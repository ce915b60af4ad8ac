#!/usr/bin/env bash
# Installs the built Debian package with dpkg and uses it as a user would, from an empty folder:
# `planlint --version`, the man pages and completions in place, and the bundled examples
# checked with the same summary as the repository's plans/. Removes the package after.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
deb=$(ls -t target/debian/planlint_*.deb | head -1)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo dpkg -i "$deb"
trap '$sudo dpkg -r planlint >/dev/null' EXIT
summary() { python3 -c 'import json,sys; s=json.load(sys.stdin)["summary"]; print(s["errors"], s["warnings"], s["notes"], s["files"])'; }
expected=$(cd "$repo" && { target/release/planlint check plans --format json || true; } | summary)
clean=$(mktemp -d)
cd "$clean"
[ "$(command -v planlint)" = /usr/bin/planlint ]
planlint --version
actual=$({ planlint check /usr/share/doc/planlint/examples/plans --format json || true; } | summary)
[ "$actual" = "$expected" ] || { echo "installed examples: $actual, repository: $expected"; exit 1; }
ls /usr/share/man/man1/planlint.1* /usr/share/man/man1/planlint-check.1* >/dev/null
[ -s /usr/share/bash-completion/completions/planlint ]
[ -s /usr/share/zsh/vendor-completions/_planlint ]
[ -s /usr/share/fish/vendor_completions.d/planlint.fish ]
echo "the package installs and checks its examples: $actual (errors warnings notes files)"
