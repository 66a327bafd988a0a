#!/usr/bin/env bash
# Checks the HTML results index in a real headless browser.
#
# Usage: scripts/check-html-index.sh [OUT_DIR]
#
# Builds aae-run and the tests, writes a fake results tree into OUT_DIR/results (two seeds of
# one experiment, a four-run sweep with summary.csv, a name that needs escaping; metrics.csv
# files and figures drawn by AAEReport, via the IndexFixtureTests test), runs `aae-run index`
# on it, then screenshots the root page and two experiment pages with headless Chromium into
# OUT_DIR/*.png (1280x900) and checks that each screenshot is a non-trivial PNG and that the
# page's inline sorting script ran.
#
# OUT_DIR defaults to /tmp/aae-html-index and is emptied first. SCRATCH_PATH (default .build)
# is the SwiftPM scratch folder to build in; CHROMIUM names the browser binary (default:
# chromium, else chromium-browser). Needs Chromium: apt-get install -y chromium.
# Exit status 0 when every check passes; the reason for a failure goes to stderr.
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT_DIR=${1:-/tmp/aae-html-index}
SCRATCH_PATH=${SCRATCH_PATH:-.build}
MIN_SCREENSHOT_BYTES=30000

fail() {
    echo "check-html-index: error: $*" >&2
    exit 1
}

find_chromium() {
    local candidate
    for candidate in ${CHROMIUM:-} chromium chromium-browser; do
        command -v "$candidate" >/dev/null 2>&1 && { command -v "$candidate"; return 0; }
    done
    fail "no chromium found; install it (apt-get install -y chromium) or set CHROMIUM"
}

# file:// URL of an absolute path, with spaces and other unsafe characters percent-encoded.
file_url() {
    local path=$1 encoded="" char i
    for ((i = 0; i < ${#path}; i++)); do
        char=${path:i:1}
        case "$char" in
            [a-zA-Z0-9/._~=,-]) encoded+=$char ;;
            *) encoded+=$(printf '%%%02X' "'$char") ;;
        esac
    done
    echo "file://$encoded"
}

# Width and height of a PNG from its IHDR chunk.
png_size() {
    od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%dx%d\n", $1*16777216 + $2*65536 + $3*256 + $4, $5*16777216 + $6*65536 + $7*256 + $8 }'
}

run_chromium() {
    timeout 120 "$CHROMIUM_BIN" --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --window-size=1280,900 "$@" 2>>"$OUT_DIR/chromium.log"
}

# Screenshots the page at $1 into $2 and checks the result.
screenshot() {
    local page=$1 png=$2 size bytes
    [[ -f "$page" ]] || fail "aae-run index did not write $page"
    run_chromium --screenshot="$png" "$(file_url "$page")" >/dev/null \
        || fail "chromium failed on $page (see $OUT_DIR/chromium.log)"
    [[ -f "$png" ]] || fail "chromium wrote no screenshot $png (see $OUT_DIR/chromium.log)"
    [[ "$(od -An -tx1 -N8 "$png" | tr -d ' \n')" == "89504e470d0a1a0a" ]] || fail "$png is not a PNG"
    size=$(png_size "$png")
    [[ "$size" == "1280x900" ]] || fail "$png is $size, expected 1280x900"
    bytes=$(wc -c <"$png")
    ((bytes >= MIN_SCREENSHOT_BYTES)) || fail "$png has only $bytes bytes: the page looks blank"
    echo "check-html-index: $png: $size, $bytes bytes"
}

# Checks that the inline script ran: it marks every header of a sortable table.
check_sort_script() {
    local page=$1 dom
    dom=$(run_chromium --dump-dom "$(file_url "$page")") || fail "chromium could not load $page"
    grep -q '<th scope="col" class="sortable">' <<<"$dom" \
        || fail "the sorting script did not run on $page (see $OUT_DIR/chromium.log)"
}

CHROMIUM_BIN=$(find_chromium)
cd "$REPO_ROOT"
rm -rf "$OUT_DIR"
mkdir -p "$OUT_DIR"
OUT_DIR=$(cd "$OUT_DIR" && pwd)
RESULTS="$OUT_DIR/results"

echo "check-html-index: building in $SCRATCH_PATH"
swift build --scratch-path "$SCRATCH_PATH" --build-tests >"$OUT_DIR/build.log" 2>&1 \
    || { tail -20 "$OUT_DIR/build.log" >&2; fail "build failed (see $OUT_DIR/build.log)"; }
AAE_RUN="$(swift build --scratch-path "$SCRATCH_PATH" --show-bin-path)/aae-run"

AAE_INDEX_FIXTURE_DIR="$RESULTS" swift test --scratch-path "$SCRATCH_PATH" --skip-build \
    --filter 'AAEReportTests.IndexFixtureTests/testWriteFixtureForTheBrowserCheck' >"$OUT_DIR/fixture.log" 2>&1 \
    || { tail -20 "$OUT_DIR/fixture.log" >&2; fail "writing the fixture results tree failed"; }
[[ -f "$RESULTS/aae_deterministic/seed=1/latent_scatter.png" ]] || fail "the fixture wrote no figures into $RESULTS"

"$AAE_RUN" index "$RESULTS"

screenshot "$RESULTS/index.html" "$OUT_DIR/index.png"
screenshot "$RESULTS/aae_deterministic/index.html" "$OUT_DIR/aae_deterministic.png"
screenshot "$RESULTS/sweep_latent_lr/index.html" "$OUT_DIR/sweep_latent_lr.png"
check_sort_script "$RESULTS/sweep_latent_lr/index.html"
echo "check-html-index: ok; open $(file_url "$RESULTS/index.html")"
