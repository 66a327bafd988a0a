#!/usr/bin/env python3
"""Prints, as JSON, what TensorBoard's own event reader finds under a log directory.

Usage: read-tensorboard.py LOGDIR

For every run (a folder holding event files, named by its path under LOGDIR, as
`tensorboard --logdir LOGDIR` names it): each scalar tag's [step, value] pairs (values
as repr strings, so NaN survives JSON), each image tag's [step, width, height,
decoded] (decoded: the PNG's pixel rows inflate to the size its header declares), and
the HParams plugin's data (experiment keys and metrics, session values and status).
The interoperability tests compare this with metrics.csv, eval.csv and the sweep.
"""
import json
import struct
import sys
import zlib

from tensorboard.backend.event_processing import event_accumulator, event_multiplexer
from tensorboard.plugins.hparams import metadata as hparams_metadata


def png_decodes(data, width, height):
    """Whether `data` is a PNG whose chunks pass their CRCs and whose image data
    inflates to one filter byte plus `width` pixels per row, for `height` rows."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return False
    offset, idat, header = 8, b"", None
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset:offset + 4])
        kind = data[offset + 4:offset + 8]
        body = data[offset + 8:offset + 8 + length]
        (crc,) = struct.unpack(">I", data[offset + 8 + length:offset + 12 + length])
        if zlib.crc32(kind + body) != crc:
            return False
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        offset += 12 + length
    if header is None or header[0] != width or header[1] != height or header[2] != 8:
        return False
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[header[3]]
    return len(zlib.decompress(idat)) == height * (1 + width * channels)


def hparams_value(value):
    kind = value.WhichOneof("kind")
    return {"number_value": value.number_value, "string_value": value.string_value,
            "bool_value": value.bool_value}.get(kind)


def read_run(path):
    guidance = {event_accumulator.SCALARS: 0, event_accumulator.IMAGES: 0, event_accumulator.TENSORS: 0}
    accumulator = event_accumulator.EventAccumulator(path, size_guidance=guidance)
    accumulator.Reload()
    tags = accumulator.Tags()
    run = {
        "scalars": {tag: [[e.step, repr(e.value)] for e in accumulator.Scalars(tag)] for tag in tags["scalars"]},
        "images": {tag: [[e.step, e.width, e.height, png_decodes(e.encoded_image_string, e.width, e.height)]
                         for e in accumulator.Images(tag)] for tag in tags["images"]},
    }
    try:
        content = accumulator.PluginTagToContent(hparams_metadata.PLUGIN_NAME)
    except KeyError:
        content = {}
    if hparams_metadata.EXPERIMENT_TAG in content:
        experiment = hparams_metadata.parse_experiment_plugin_data(content[hparams_metadata.EXPERIMENT_TAG])
        run["experiment"] = {
            "hparams": {info.name: [hparams_value(v) for v in info.domain_discrete.values]
                        for info in experiment.hparam_infos},
            "metrics": [info.name.tag for info in experiment.metric_infos],
        }
    if hparams_metadata.SESSION_START_INFO_TAG in content:
        start = hparams_metadata.parse_session_start_info_plugin_data(content[hparams_metadata.SESSION_START_INFO_TAG])
        run["session_start"] = {key: hparams_value(value) for key, value in start.hparams.items()}
    if hparams_metadata.SESSION_END_INFO_TAG in content:
        end = hparams_metadata.parse_session_end_info_plugin_data(content[hparams_metadata.SESSION_END_INFO_TAG])
        run["session_end"] = end.status
    return run


def main():
    logdir = sys.argv[1]
    multiplexer = event_multiplexer.EventMultiplexer()
    multiplexer.AddRunsFromDirectory(logdir)
    runs = {name: read_run(path) for name, path in sorted(multiplexer.RunPaths().items())}
    json.dump(runs, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
