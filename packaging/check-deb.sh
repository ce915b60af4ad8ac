#!/usr/bin/env bash
# Installs the built Debian package with dpkg and uses it as a user would, from an empty folder:
# `planlint --version`, the man pages and completions in place, the bundled examples checked
# with the same summary as the repository's plans/, and the review service started on them and
# asked to check a draft. Removes the package after.
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

# The review service from the package: on a free loopback port (its log says which), over the
# installed examples, a draft checked through the API gives the findings `check` gives.
log=$(mktemp)
planlint serve --corpus /usr/share/doc/planlint/examples/plans --addr 127.0.0.1:0 --no-watch 2>"$log" &
server=$!
trap 'kill $server 2>/dev/null || true; $sudo dpkg -r planlint >/dev/null' EXIT
for _ in $(seq 1 100); do grep -q "planlint serve: http://" "$log" && break; sleep 0.2; done
base=$(grep -o "http://127.0.0.1:[0-9]*" "$log" | head -1)
[ -n "$base" ] || { cat "$log"; exit 1; }
draft="$repo/tests/fixtures/places/yantai-draft.txt"
served=$(curl -sf -F "file=@$draft" "$base/api/v1/check" | summary)
cp "$draft" "$clean/"
direct=$({ planlint check yantai-draft.txt --corpus /usr/share/doc/planlint/examples/plans --format json || true; } | summary)
[ "$served" = "$direct" ] || { echo "served: $served, check: $direct"; cat "$log"; exit 1; }
echo "the installed review service checks a draft as check does: $served (errors warnings notes files)"
