#!/usr/bin/env bash
# Runs every fuzz target (or those named after SECONDS) for SECONDS each (default 60), or for
# RUNS inputs each when RUNS is set (RUNS=1000000 fuzz/run.sh 0 pdf ofd), after seeding its
# corpus from the seeds, the devset, the bundled plans and the test fixtures.
# A crash is saved under fuzz/artifacts/TARGET/; the final stats line of each run gives the
# number of inputs tried ("stat::number_of_executed_units").
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
if [ -n "${RUNS:-}" ]; then budget=(-runs="$RUNS"); else budget=(-max_total_time="$seconds"); fi
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(text_plan docx annotate plan_yaml jurisdiction_yaml sidecar_yaml values config baseline cache_entry pdf ofd)
# cargo-fuzz needs nightly flags; the machines have one stable toolchain, so allow them on it,
# and build without a sanitizer (the flags a sanitizer needs are nightly-only in effect).
export RUSTC_BOOTSTRAP=1

seed() {
  local target=$1; shift
  mkdir -p "fuzz/corpus/$target"
  for file in "$@"; do
    [ -f "$file" ] || continue
    cp "$file" "fuzz/corpus/$target/$(printf '%s' "$file" | md5sum | cut -c1-16)"
  done
}

shopt -s globstar nullglob
seed text_plan ../shared/seeds/*.txt ../shared/devset/texts/*.txt plans/**/*.txt tests/fixtures/**/*.txt
seed plan_yaml plans/**/*.yaml tests/fixtures/lints/**/*.yaml
# PDFs (reportlab, with and without running heads and two columns, tables ruled) and OFDs (the
# tests' builder) of a few real plans, small enough for -max_len.
seeds_made=$(mktemp -d)
few=(../shared/seeds/000_*.txt ../shared/seeds/002_*.txt ../shared/devset/texts/pinghu_2024.txt)
if python3 -c "import reportlab" 2>/dev/null; then
  python3 tests/tools/pdf_reportlab.py "$seeds_made/pdf" "${few[@]}" >/dev/null
  python3 tests/tools/pdf_reportlab.py --headerfooter --twocol "$seeds_made/pdf-furnished" "${few[@]}" >/dev/null
fi
cargo build --quiet --release --example ofd-of-text
for text in "${few[@]}"; do
  target/release/examples/ofd-of-text --head "XX市人民政府文件" "$text" "$seeds_made/$(basename "$text" .txt).ofd"
done
seed pdf "$seeds_made"/pdf*/*.pdf
seed ofd "$seeds_made"/*.ofd
rm -rf "$seeds_made"
seed jurisdiction_yaml plans/**/jurisdiction.yaml tests/fixtures/**/jurisdiction.yaml
seed sidecar_yaml plans/**/*.sidecar.yaml tests/fixtures/**/*.sidecar.yaml
seed config tests/fixtures/config/*.yaml
mkdir -p fuzz/corpus/values fuzz/corpus/baseline fuzz/corpus/docx
printf '国发〔2024〕7号' > fuzz/corpus/values/number
printf '2024-03-07' > fuzz/corpus/values/date
printf '1.8|万辆' > fuzz/corpus/values/value
printf '0.8∶1' > fuzz/corpus/values/ratio
printf '{"version":2,"findings":[{"code":"weaker-target","file":"a.yaml","fingerprint":"x"}]}' > fuzz/corpus/baseline/one
# Cache entries: each bundled text, 0xFF, then the body of its entry as planlint writes it (the
# entry's first line, which names the text, is left out: the target seals the body itself).
# Each text is checked alone, outside the corpus, in a cache of its own: its entry is the only
# extraction entry there.
cargo build -q --release
mkdir -p fuzz/corpus/cache_entry
for text in plans/**/*.txt; do
  cache=$(mktemp -d) alone=$(mktemp -d)
  cp "$text" "$alone/plan.txt"
  PLANLINT_CACHE_DIR="$cache" target/release/planlint check "$alone/plan.txt" >/dev/null 2>&1 || true
  for entry in "$cache"/extract-*/??/*; do
    head -c 17 "$entry" | grep -q '^planlint-extract ' || continue
    { cat "$text"; printf '\xff'; tail -n +2 "$entry"; } > "fuzz/corpus/cache_entry/$(basename "$text" .txt)"
  done
  rm -rf "$cache" "$alone"
done
# A .docx made from a text plan (a zip with word/document.xml), and the text itself.
python3 - <<'PY'
import zipfile, html
text = open("plans/shandong/weifang/anqiu/an-zhengfa-2024-13.txt", encoding="utf-8").read()
body = "".join(f"<w:p><w:r><w:t>{html.escape(line)}</w:t></w:r></w:p>" for line in text.splitlines()[:80])
doc = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
       f'wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>')
with zipfile.ZipFile("fuzz/corpus/docx/anqiu.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr("word/document.xml", doc)
PY
mkdir -p fuzz/corpus/annotate
cp fuzz/corpus/docx/anqiu.docx fuzz/corpus/annotate/

cargo fuzz build -s none -O
for target in "${targets[@]}"; do
  echo "== $target"
  cargo fuzz run -s none -O "$target" -- "${budget[@]}" -print_final_stats=1 -max_len=262144 -rss_limit_mb=2048 -timeout=2 2>&1 \
    | grep -E "stat::number_of_executed_units|ERROR|panicked|Test unit written" || true
done
