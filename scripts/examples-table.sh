#!/usr/bin/env bash
# Trains every shipped example with its default training, then writes the table
# of their held-out evaluations into docs/results.md between the examples-table markers.
#
# Usage: scripts/examples-table.sh [AAE_RUN_BINARY]   (default .build/release/aae-run)
set -euo pipefail
cd "$(dirname "$0")/.."
page=docs/results.md
binary=${1:-.build/release/aae-run}
examples=(aae_deterministic aae_2d aae_gaussian aae_universal aae_student_t aae_mixture aae_labels_mixture
          aae_supervised vae autoencoder sparse_autoencoder)
runs=()
for example in "${examples[@]}"; do
    out="results/examples/$example"
    if [ ! -f "$out/eval.csv" ]; then
        echo "training $example" >&2
        "$binary" "experiments/$example.yaml" --quiet --out "$out" >/dev/null
    fi
    runs+=("$out")
done
table=$("$binary" table "${runs[@]}")
machine="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
{
    awk '/<!-- examples-table:start -->/ {print; exit} {print}' "$page"
    echo
    echo "$table"
    echo
    echo "Produced by \`make examples\` on $(date -u +%Y-%m-%d) ($machine), seed 1, the 8,000 / 2,000 split of the"
    echo "MNIST test set. Runs are kept under results/examples/; delete one to train it again."
    awk 'found {print} /<!-- examples-table:end -->/ {found=1; print}' "$page"
} > "$page.new"
mv "$page.new" "$page"
echo "updated $page" >&2
