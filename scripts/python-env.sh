#!/usr/bin/env bash
# Creates (or refreshes) the Python virtual environment that the interoperability tests use:
# the real readers of the formats aae-run writes (TensorBoard's event reader, numpy, safetensors).
#
# Usage: scripts/python-env.sh [VENV_DIR]        (default .venv beside the Makefile)
#
# Installs scripts/python-requirements.txt from PyPI. Does nothing when the environment already
# holds exactly those requirements (a stamp file records their checksum). Tests that need these
# packages look for VENV_DIR/bin/python (or $AAE_PYTHON) and skip with a message when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${1:-.venv}
requirements=scripts/python-requirements.txt
stamp="$venv/.requirements.sha256"
wanted=$(sha256sum "$requirements" | cut -d' ' -f1)
if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
    echo "python environment $venv is up to date"
    exit 0
fi
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
echo "$wanted" > "$stamp"
echo "python environment $venv: $(tr '\n' ' ' < "$requirements")"
