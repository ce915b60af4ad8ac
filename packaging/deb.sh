#!/usr/bin/env bash
# Builds the Debian package target/debian/planlint_VERSION_ARCH.deb: the release binary, the
# man pages and shell completions it prints, and the bundled corpus as examples. Needs
# cargo-deb (`cargo install cargo-deb --locked`). Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked
out=target/packaging
rm -rf "$out"
mkdir -p "$out/man" "$out/completions"
target/release/planlint man --out-dir "$out/man"
target/release/planlint completions bash > "$out/completions/planlint.bash"
target/release/planlint completions zsh > "$out/completions/_planlint"
target/release/planlint completions fish > "$out/completions/planlint.fish"
cargo deb --no-build --locked "$@"
