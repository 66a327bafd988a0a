#!/usr/bin/env bash
# Puts the MNIST IDX files (gzip) into DEST_DIR, verified by md5.
#
# Usage: scripts/fetch-mnist.sh DEST_DIR [SHARED_DIR]
#
# If SHARED_DIR (default: ../shared/data/mnist beside the repository) holds *-ubyte.gz files,
# they are copied; otherwise the four official files are downloaded from a list of mirrors.
# Files already in DEST_DIR with the right md5 are left alone, so running it twice is cheap.
# Prints one line saying what it did; errors go to stderr with a non-zero exit status.
set -euo pipefail

readonly OFFICIAL_FILES=(
    train-images-idx3-ubyte.gz
    train-labels-idx1-ubyte.gz
    t10k-images-idx3-ubyte.gz
    t10k-labels-idx1-ubyte.gz
)
readonly MIRRORS=(
    http://yann.lecun.com/exdb/mnist/
    https://ossci-datasets.s3.amazonaws.com/mnist/
    https://storage.googleapis.com/cvdf-datasets/mnist/
)

expected_md5() {
    case "$1" in
        train-images-idx3-ubyte.gz) echo f68b3c2dcbeaaa9fbdd348bbdeb94873 ;;
        train-labels-idx1-ubyte.gz) echo d53e105ee54ea40749a09fcbcd1e9432 ;;
        t10k-images-idx3-ubyte.gz)  echo 9fb629c4189551a2d022fa330f9573f3 ;;
        t10k-labels-idx1-ubyte.gz)  echo ec29112dd5afa0611ce80d1b7f02629c ;;
        *) echo "" ;;
    esac
}

md5_of() {
    if command -v md5sum >/dev/null 2>&1; then
        md5sum "$1" | cut -d' ' -f1
    else
        md5 -q "$1"
    fi
}

fail() {
    echo "fetch-mnist: error: $*" >&2
    exit 1
}

# True when $1 is a file whose md5 matches the official one for the name $2 (any file if unknown).
has_good_md5() {
    local expected
    expected=$(expected_md5 "$2")
    [[ -f "$1" ]] && { [[ -z "$expected" ]] || [[ "$(md5_of "$1")" == "$expected" ]]; }
}

# Checks a freshly written temporary file; on a bad checksum deletes it and prints why.
verify_or_delete() {
    local file=$1 name=$2 source=$3 expected actual
    expected=$(expected_md5 "$name")
    [[ -z "$expected" ]] && return 0
    actual=$(md5_of "$file")
    [[ "$actual" == "$expected" ]] && return 0
    rm -f "$file"
    echo "fetch-mnist: bad checksum for $name from $source: md5 $actual, expected $expected; deleted it" >&2
    return 1
}

copy_from_shared() {
    local name=$1 temp="$DEST_DIR/.$1.part.$$"
    cp "$SHARED_DIR/$name" "$temp"
    chmod 644 "$temp"
    verify_or_delete "$temp" "$name" "$SHARED_DIR" \
        || fail "$SHARED_DIR/$name is corrupt; replace it or remove it from $SHARED_DIR"
    mv -f "$temp" "$DEST_DIR/$name"
}

download() {
    local name=$1 temp="$DEST_DIR/.$1.part.$$" mirror
    for mirror in "${MIRRORS[@]}"; do
        if curl --fail --silent --show-error --location --retry 2 --connect-timeout 20 \
                --output "$temp" "$mirror$name"; then
            if verify_or_delete "$temp" "$name" "$mirror"; then
                mv -f "$temp" "$DEST_DIR/$name"
                return 0
            fi
        else
            rm -f "$temp"
            echo "fetch-mnist: could not download $name from $mirror" >&2
        fi
    done
    fail "no mirror gave a good copy of $name (tried ${MIRRORS[*]})"
}

[[ $# -ge 1 && $# -le 2 ]] || { echo "usage: $0 DEST_DIR [SHARED_DIR]" >&2; exit 2; }
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly DEST_DIR=$1
readonly SHARED_DIR=${2:-$REPO_ROOT/../shared/data/mnist}
mkdir -p "$DEST_DIR"
trap 'rm -f "$DEST_DIR"/.*.part.$$' EXIT

shared_files=()
if [[ -d "$SHARED_DIR" ]]; then
    for path in "$SHARED_DIR"/*-ubyte.gz; do
        [[ -f "$path" ]] && shared_files+=("$(basename "$path")")
    done
fi

if [[ ${#shared_files[@]} -gt 0 ]]; then
    wanted=("${shared_files[@]}")
    action=copy_from_shared
    verb="copied"
    origin="from $SHARED_DIR"
else
    wanted=("${OFFICIAL_FILES[@]}")
    action=download
    verb="downloaded"
    origin="from the MNIST mirrors"
fi

fetched=()
for name in "${wanted[@]}"; do
    if ! has_good_md5 "$DEST_DIR/$name" "$name"; then
        "$action" "$name"
        fetched+=("$name")
    fi
done

missing_training=""
for name in train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz; do
    [[ -f "$DEST_DIR/$name" ]] || missing_training="; no training files, so aae-run uses the t10k 8000/2000 split"
done

if [[ ${#fetched[@]} -eq 0 ]]; then
    echo "fetch-mnist: $DEST_DIR already holds ${#wanted[@]} verified files, nothing to do$missing_training"
else
    echo "fetch-mnist: $verb ${#fetched[@]} of ${#wanted[@]} files $origin into $DEST_DIR (${fetched[*]})$missing_training"
fi
