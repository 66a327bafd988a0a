"""The PyTorch (CPU) version of issue #15's reference convolutional AAE, timed in
training steps per second on 1 and 2 threads: the figure docs/performance.md
sets aae-run's conv AAE (the `conv_aae` case of aae-bench) beside.

The model: encoder conv2d 32 3x3 stride 2 same -> leaky_relu 0.2 -> conv2d 64
3x3 stride 2 same -> leaky_relu -> flatten -> dense 8; decoder dense 7*7*64 ->
leaky_relu -> reshape [7, 7, 64] -> conv2d_transpose 64 3x3 stride 2 ->
leaky_relu -> conv2d_transpose 32 3x3 stride 2 -> leaky_relu -> conv2d 1 3x3
same, tanh; the seed notebook's discriminator (dense 512, leaky_relu 0.2, dense
256, leaky_relu 0.2, dense 1, sigmoid). One step is experiments/aae_deterministic.yaml's
(scripts/keras_reference/aae_deterministic.py's): the codes of a batch of 128,
the discriminator learns prior samples (1) then those codes (0) in two updates,
then encoder and decoder learn 0.999 MSE + 0.001 BCE against the frozen
discriminator; Adam lr 2e-4, beta1 0.5 for both; pixels in [-1, 1]. As in
aae-run, both phases share one encoder forward pass (the discriminator's
updates do not change the encoder), and the frozen discriminator computes no
weight gradients.

Set-up (not needed by aae-run, never a test dependency; PyPI, in its own venv):
  python3 -m venv /tmp/torch-venv && /tmp/torch-venv/bin/pip install torch numpy
Usage: /tmp/torch-venv/bin/python scripts/keras_reference/torch_conv_aae.py \
           [--threads 1,2] [--windows 5] [--window-steps 20] [--warmup 10]
Reads Fashion-MNIST's training images from $FASHION_MNIST_DIR (default
/usr/share/datasets/fashion-mnist, where Debian's dataset-fashion-mnist puts
them), else MNIST's test set from $AAE_DATA_DIR/mnist; random pixels when
neither is there (the timing does not depend on the pixels).
Thread counts are timed in alternating windows (1, 2, 1, 2, ...) so that a
change of the machine's load falls on both; each prints one line with the
median steps/s over its windows, then a JSON line with every window.
"""
import argparse
import gzip
import json
import os
import platform
import statistics
import time

import numpy as np
import torch
from torch import nn

LATENT = 8
BATCH = 128


def load_images():
    """Training images as float32 in [-1, 1], shape (n, 1, 28, 28), and where they came from."""
    candidates = [
        os.path.join(os.environ.get("FASHION_MNIST_DIR", "/usr/share/datasets/fashion-mnist"),
                     "train-images-idx3-ubyte.gz"),
        os.path.join(os.environ.get("AAE_DATA_DIR", "data"), "mnist", "t10k-images-idx3-ubyte.gz"),
    ]
    for path in candidates:
        if os.path.exists(path):
            with gzip.open(path, "rb") as f:
                data = f.read()
            magic, n, r, c = np.frombuffer(data[:16], dtype=">u4")
            assert magic == 2051, f"{path}: not an IDX images file"
            images = np.frombuffer(data[16:], dtype=np.uint8).reshape(n, 1, r, c)
            return (images.astype(np.float32) - 127.5) / 127.5, path
    rng = np.random.default_rng(0)
    return rng.uniform(-1, 1, (10_000, 1, 28, 28)).astype(np.float32), "random pixels"


def build_encoder():
    return nn.Sequential(
        nn.Conv2d(1, 32, 3, stride=2, padding=1), nn.LeakyReLU(0.2),
        nn.Conv2d(32, 64, 3, stride=2, padding=1), nn.LeakyReLU(0.2),
        nn.Flatten(), nn.Linear(7 * 7 * 64, LATENT))


def build_decoder():
    return nn.Sequential(
        nn.Linear(LATENT, 7 * 7 * 64), nn.LeakyReLU(0.2),
        nn.Unflatten(1, (64, 7, 7)),
        nn.ConvTranspose2d(64, 64, 3, stride=2, padding=1, output_padding=1), nn.LeakyReLU(0.2),
        nn.ConvTranspose2d(64, 32, 3, stride=2, padding=1, output_padding=1), nn.LeakyReLU(0.2),
        nn.Conv2d(32, 1, 3, padding=1), nn.Tanh())


def build_discriminator():
    return nn.Sequential(
        nn.Linear(LATENT, 512), nn.LeakyReLU(0.2),
        nn.Linear(512, 256), nn.LeakyReLU(0.2),
        nn.Linear(256, 1), nn.Sigmoid())


def parameter_count(module):
    return sum(p.numel() for p in module.parameters())


class Trainer:
    """The three updates of one step of the deterministic AAE."""

    def __init__(self, images, seed):
        torch.manual_seed(seed)
        self.images = torch.from_numpy(images)
        self.generator = torch.Generator().manual_seed(seed)
        self.encoder, self.decoder, self.discriminator = build_encoder(), build_decoder(), build_discriminator()
        adam = dict(lr=2e-4, betas=(0.5, 0.999), eps=1e-7)
        self.d_optimizer = torch.optim.Adam(self.discriminator.parameters(), **adam)
        self.g_optimizer = torch.optim.Adam(list(self.encoder.parameters()) + list(self.decoder.parameters()), **adam)
        self.bce = nn.BCELoss()
        self.ones = torch.ones(BATCH, 1)
        self.zeros = torch.zeros(BATCH, 1)

    def discriminator_update(self, codes, targets):
        self.d_optimizer.zero_grad(set_to_none=True)
        loss = self.bce(self.discriminator(codes), targets)
        loss.backward()
        self.d_optimizer.step()
        return loss

    def step(self):
        index = torch.randint(0, self.images.shape[0], (BATCH,), generator=self.generator)
        x = self.images[index]
        self.g_optimizer.zero_grad(set_to_none=True)
        code = self.encoder(x)
        prior = torch.randn(BATCH, LATENT, generator=self.generator)
        self.discriminator.requires_grad_(True)
        self.discriminator_update(prior, self.ones)
        self.discriminator_update(code.detach(), self.zeros)
        self.discriminator.requires_grad_(False)
        reconstruction = self.decoder(code)
        loss = 0.999 * torch.mean((reconstruction - x) ** 2) + 0.001 * self.bce(self.discriminator(code), self.ones)
        loss.backward()
        self.g_optimizer.step()
        return loss


def cpu_name():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", default="1,2", help="comma-separated thread counts, timed in alternating windows")
    ap.add_argument("--windows", type=int, default=5, help="timed windows per thread count")
    ap.add_argument("--window-steps", type=int, default=20, help="training steps per window")
    ap.add_argument("--warmup", type=int, default=10, help="untimed steps per thread count before the first window")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    threads = [int(t) for t in args.threads.split(",")]

    images, source = load_images()
    trainer = Trainer(images, args.seed)
    for count in threads:
        torch.set_num_threads(count)
        for _ in range(args.warmup):
            trainer.step()

    rates = {count: [] for count in threads}
    for _ in range(args.windows):
        for count in threads:
            torch.set_num_threads(count)
            start = time.perf_counter()
            for _ in range(args.window_steps):
                trainer.step()
            rates[count].append(args.window_steps / (time.perf_counter() - start))

    load = os.getloadavg()
    params = {name: parameter_count(m) for name, m in
              [("encoder", trainer.encoder), ("decoder", trainer.decoder), ("discriminator", trainer.discriminator)]}
    for count in threads:
        print(f"torch {torch.__version__} conv AAE, batch {BATCH}, {count} thread{'s' if count > 1 else ''}: "
              f"{statistics.median(rates[count]):.2f} steps/s (median of {args.windows} windows of "
              f"{args.window_steps} steps; {cpu_name()}; load average {load[0]:.2f})")
    print(json.dumps({
        "torch": torch.__version__, "cpu": cpu_name(), "load_average": load, "data": source,
        "parameters": params, "batch": BATCH, "window_steps": args.window_steps,
        "steps_per_s": {str(count): rates[count] for count in threads},
        "median_steps_per_s": {str(count): statistics.median(rates[count]) for count in threads},
    }))


if __name__ == "__main__":
    main()
