#!/usr/bin/env bash
# Regenerates the Swift encoding of TensorBoard's event messages from protos/ into
# Sources/AAEReport/TensorBoard/Generated/. The generated files are committed: a build
# never runs protoc. Run this after editing a file under protos/.
#
# Usage: scripts/generate-protos.sh [PROTOC_GEN_SWIFT]
#
# Needs protoc (Debian's protobuf-compiler, whose libprotobuf-dev brings
# google/protobuf/struct.proto) and the protoc-gen-swift plugin of the swift-protobuf
# version Package.swift names (1.39.0), built from its own checkout:
#   git clone https://github.com/apple/swift-protobuf /tmp/swift-protobuf
#   (cd /tmp/swift-protobuf && git checkout 1.39.0 && swift build -c release --product protoc-gen-swift)
#   scripts/generate-protos.sh /tmp/swift-protobuf/.build/release/protoc-gen-swift
set -euo pipefail
cd "$(dirname "$0")/.."
plugin=${1:-$(command -v protoc-gen-swift || true)}
if [ -z "$plugin" ] || [ ! -x "$plugin" ]; then
    echo "error: protoc-gen-swift not found: pass its path (see the comment at the top of $0)" >&2
    exit 1
fi
command -v protoc >/dev/null || { echo "error: protoc not found: apt-get install protobuf-compiler" >&2; exit 1; }
out=Sources/AAEReport/TensorBoard/Generated
rm -f "$out"/*.pb.swift
mkdir -p "$out"
protoc --plugin=protoc-gen-swift="$plugin" --proto_path=protos \
    --swift_opt=FileNaming=DropPath --swift_opt=Visibility=Public --swift_out="$out" \
    $(cd protos && find tensorboard -name '*.proto' | sort)
echo "generated: $(ls "$out" | tr '\n' ' ')"
