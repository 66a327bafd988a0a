#!/usr/bin/env python3
"""Reads a run's weights.safetensors, codes.npy and labels.npy with the safetensors and numpy
packages alone, decodes the held-out codes with the exported decoder in numpy, and prints a JSON
report: every tensor's shape and a few of its values, the metadata, the codes' and labels' shapes,
whether numpy.save writes the same .npy bytes, and the held-out reconstruction MSE.

Usage: check-export.py RUN_DIR HELDOUT_INPUTS.npy DECODER_LAYERS [SCALE]

DECODER_LAYERS is the decoder's layer list as the experiment file writes it, e.g.
"dense 64, relu, dense input, sigmoid". The decoder must be dense layers and the activations
relu, leaky_relu [alpha, default 0.3], tanh, sigmoid and softplus. HELDOUT_INPUTS holds the
held-out examples on the run's pixel scale; SCALE is `unit` ([0, 1], the default) or
`symmetric` ([-1, 1]): the MSE is computed on [0, 1], as eval.csv's heldout_recon_mse is.
"""
import io
import json
import sys

import numpy as np
from safetensors import safe_open
from safetensors.numpy import load_file

ACTIVATIONS = {
    "relu": lambda x, alpha: np.maximum(x, 0),
    "leaky_relu": lambda x, alpha: np.where(x > 0, x, alpha * x),
    "tanh": lambda x, alpha: np.tanh(x),
    "sigmoid": lambda x, alpha: 1 / (1 + np.exp(-x)),
    "softplus": lambda x, alpha: np.logaddexp(0, x),
}


def decode(weights, layers, codes):
    """The decoder on `codes`: y = x @ weight + bias for the k-th dense layer, then its activation."""
    x = codes
    dense = 0
    for layer in (part.split() for part in layers.split(",")):
        kind = layer[0]
        if kind == "dense":
            dense += 1
            x = x @ weights[f"decoder.dense_{dense}.weight"]
            bias = weights.get(f"decoder.dense_{dense}.bias")
            if bias is not None:
                x = x + bias
        elif kind in ACTIVATIONS:
            x = ACTIVATIONS[kind](x, np.float32(layer[1]) if len(layer) > 1 else np.float32(0.3))
        else:
            sys.exit(f"check-export.py: decoder layer `{' '.join(layer)}` is not one this script computes "
                     f"(dense, {', '.join(ACTIVATIONS)})")
    return x


def same_as_numpy_save(path):
    array = np.load(path)
    buffer = io.BytesIO()
    np.save(buffer, array)
    with open(path, "rb") as file:
        return file.read() == buffer.getvalue()


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    run, inputs_path, layers = sys.argv[1:4]
    scale = sys.argv[4] if len(sys.argv) == 5 else "unit"
    weights = load_file(f"{run}/weights.safetensors")
    with safe_open(f"{run}/weights.safetensors", framework="numpy") as file:
        metadata = file.metadata()
    codes = np.load(f"{run}/codes.npy")
    labels = np.load(f"{run}/labels.npy")
    inputs = np.load(inputs_path)
    outputs = decode(weights, layers, codes)
    if scale == "symmetric":
        inputs, outputs = (inputs + 1) / 2, (outputs + 1) / 2
    mse = np.mean((inputs.astype(np.float64) - outputs.astype(np.float64)) ** 2)
    report = {
        "tensors": {name: {"dtype": str(value.dtype), "shape": list(value.shape),
                           "first": float(value.flat[0]) if value.size else None,
                           "last": float(value.flat[-1]) if value.size else None,
                           "sum": float(value.astype(np.float64).sum())}
                    for name, value in weights.items()},
        "metadata": metadata,
        "codes": {"dtype": str(codes.dtype), "shape": list(codes.shape), "first": float(codes.flat[0])},
        "labels": {"dtype": str(labels.dtype), "values": labels.tolist()},
        "npy_same_as_numpy_save": same_as_numpy_save(f"{run}/codes.npy") and same_as_numpy_save(f"{run}/labels.npy"),
        "heldout_recon_mse": float(mse),
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main()
