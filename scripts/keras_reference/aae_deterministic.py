"""The Keras 3 / JAX version of experiments/aae_deterministic.yaml, the reference
that docs/keras-comparison.md's table compares aae-run with.

Set-up (not needed by aae-run; PyPI): pip install "jax[cpu]" keras numpy scipy
Usage: KERAS_BACKEND=jax python scripts/keras_reference/aae_deterministic.py \
           --variant separate|joint --seed N [--steps 2000] [--check]
Reads MNIST's test set from $AAE_DATA_DIR/mnist (default ./data/mnist, as `make data`
leaves it); trains on its first 8,000 images and evaluates on the last 2,000.
Prints one JSON line with the held-out MSE on [0, 1] pixels, the mean KS of the
codes against N(0, 1), 5-NN accuracy and code statistics.
"""
import os
os.environ.setdefault("KERAS_BACKEND", "jax")

import argparse
import gzip
import json
import time

import numpy as np
import scipy.stats
import keras
from keras import layers

MNIST = os.path.join(os.environ.get("AAE_DATA_DIR", "data"), "mnist")
LATENT = 8
BATCH = 128


def load_idx_images(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, n, r, c = np.frombuffer(data[:16], dtype=">u4")
    assert magic == 2051
    return np.frombuffer(data[16:], dtype=np.uint8).reshape(n, r * c)


def load_idx_labels(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, n = np.frombuffer(data[:8], dtype=">u4")
    assert magic == 2049
    return np.frombuffer(data[8:], dtype=np.uint8)


def build_encoder():
    x = keras.Input((784,))
    h = layers.Dense(512)(x)
    h = layers.LeakyReLU(negative_slope=0.2)(h)
    h = layers.Dense(512)(h)
    h = layers.LeakyReLU(negative_slope=0.2)(h)
    z = layers.Dense(LATENT)(h)  # linear, deterministic
    return keras.Model(x, z, name="encoder")


def build_decoder():
    z = keras.Input((LATENT,))
    h = layers.Dense(512)(z)
    h = layers.LeakyReLU(negative_slope=0.2)(h)
    h = layers.Dense(512)(h)
    h = layers.LeakyReLU(negative_slope=0.2)(h)
    x = layers.Dense(784, activation="tanh")(h)
    return keras.Model(z, x, name="decoder")


def build_discriminator():
    z = keras.Input((LATENT,))
    h = layers.Dense(512)(z)
    h = layers.LeakyReLU(negative_slope=0.2)(h)
    h = layers.Dense(256)(h)
    h = layers.LeakyReLU(negative_slope=0.2)(h)
    p = layers.Dense(1, activation="sigmoid")(h)
    return keras.Model(z, p, name="discriminator")


def knn_accuracy(train_codes, train_labels, test_codes, test_labels, k=5):
    # Euclidean distances (squared), full matrix 2000 x 8000
    d2 = (np.sum(test_codes ** 2, 1)[:, None] + np.sum(train_codes ** 2, 1)[None, :]
          - 2.0 * test_codes @ train_codes.T)
    nn = np.argpartition(d2, k, axis=1)[:, :k]
    # sort the k neighbours by distance
    rows = np.arange(len(test_codes))[:, None]
    order = np.argsort(d2[rows, nn], axis=1)
    nn = nn[rows, order]
    correct = 0
    for i in range(len(test_codes)):
        labs = train_labels[nn[i]]
        counts = np.bincount(labs, minlength=10)
        best = counts.max()
        # ties broken by nearest: first neighbour (in distance order) whose class has max count
        pred = next(l for l in labs if counts[l] == best)
        correct += int(pred == test_labels[i])
    return correct / len(test_codes)


def weights_snapshot(model):
    return [np.array(w) for w in model.get_weights()]


def max_abs_diff(a, b):
    return max(float(np.max(np.abs(x - y))) for x, y in zip(a, b))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--variant", choices=["separate", "joint"], default="separate")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--steps", type=int, default=2000)
    ap.add_argument("--check", action="store_true", help="verify trainable/frozen behaviour")
    args = ap.parse_args()

    keras.utils.set_random_seed(args.seed)  # seeds python, numpy, backend
    rng = np.random.default_rng(args.seed)
    np.random.seed(args.seed)

    imgs = load_idx_images(f"{MNIST}/t10k-images-idx3-ubyte.gz")
    labels = load_idx_labels(f"{MNIST}/t10k-labels-idx1-ubyte.gz").astype(np.int64)
    X = ((imgs.astype(np.float32) - 127.5) / 127.5)
    Xtr, Ytr = X[:8000], labels[:8000]
    Xte, Yte = X[-2000:], labels[-2000:]

    encoder = build_encoder()
    decoder = build_decoder()
    discriminator = build_discriminator()
    discriminator.compile(loss="binary_crossentropy",
                          optimizer=keras.optimizers.Adam(learning_rate=2e-4, beta_1=0.5),
                          metrics=["accuracy"])

    # Combined model; discriminator frozen inside it.
    discriminator.trainable = False
    x_in = keras.Input((784,))
    code = encoder(x_in)
    recon = decoder(code)
    validity = discriminator(code)
    combined = keras.Model(x_in, [recon, validity], name="combined")
    combined.compile(loss=["mse", "binary_crossentropy"], loss_weights=[0.999, 0.001],
                     optimizer=keras.optimizers.Adam(learning_rate=2e-4, beta_1=0.5))

    # Keras 3 reads `trainable` live (not frozen at compile time), so toggle it
    # around the calls: trainable for the discriminator's own updates, frozen
    # for the combined update.
    def d_train(z, y):
        discriminator.trainable = True
        out = discriminator.train_on_batch(z, y)
        discriminator.trainable = False
        return out

    def c_train(x, ys):
        discriminator.trainable = False
        return combined.train_on_batch(x, ys)

    assert len(combined.trainable_weights) == len(encoder.trainable_weights) + len(decoder.trainable_weights)

    ones = np.ones((BATCH, 1), np.float32)
    zeros = np.zeros((BATCH, 1), np.float32)
    joint_y = np.concatenate([ones, zeros])

    checks = {}

    def step(i):
        idx = rng.integers(0, Xtr.shape[0], BATCH)
        x = Xtr[idx]
        codes = encoder.predict_on_batch(x)
        prior = rng.standard_normal((BATCH, LATENT)).astype(np.float32)
        do_check = args.check and i in (0, 1, 5)
        if do_check:
            w0 = weights_snapshot(discriminator)
        if args.variant == "separate":
            d_real = d_train(prior, ones)
            d_fake = d_train(codes, zeros)
            d_loss = 0.5 * (d_real[0] + d_fake[0])
            d_acc = 0.5 * (d_real[1] + d_fake[1])
        else:
            d_loss, d_acc = d_train(np.concatenate([prior, codes]), joint_y)
        if do_check:
            w1 = weights_snapshot(discriminator)
            e0 = weights_snapshot(encoder)
        g = c_train(x, [x, ones])
        if do_check:
            w2 = weights_snapshot(discriminator)
            e1 = weights_snapshot(encoder)
            checks[f"step{i}"] = {
                "d_change_after_d_train": max_abs_diff(w0, w1),
                "d_change_after_combined": max_abs_diff(w1, w2),
                "enc_change_after_combined": max_abs_diff(e0, e1),
            }
        return float(d_loss), float(d_acc), g

    # warm-up/compile: first 10 steps excluded from timing
    warm = min(10, args.steps)
    for i in range(warm):
        last = step(i)
    t0 = time.perf_counter()
    for i in range(warm, args.steps):
        last = step(i)
    t1 = time.perf_counter()
    timed_steps = args.steps - warm
    d_loss, d_acc, g = last

    ztr = np.asarray(encoder.predict(Xtr, batch_size=1000, verbose=0), np.float64)
    zte = np.asarray(encoder.predict(Xte, batch_size=1000, verbose=0), np.float64)
    rec = np.asarray(decoder.predict(zte.astype(np.float32), batch_size=1000, verbose=0), np.float64)
    mse01 = float(np.mean((rec - Xte) ** 2) / 4.0)
    ks = [scipy.stats.kstest(zte[:, j], "norm").statistic for j in range(LATENT)]
    knn5 = knn_accuracy(ztr, Ytr, zte, Yte, 5)

    res = {
        "variant": args.variant, "seed": args.seed, "steps": args.steps,
        "mse01": mse01, "mean_ks": float(np.mean(ks)), "ks": [float(k) for k in ks],
        "knn5": knn5, "final_d_acc": d_acc, "final_d_loss": d_loss,
        "final_g": [float(v) for v in np.atleast_1d(g)],
        "code_mean": [float(v) for v in zte.mean(0)], "code_std": [float(v) for v in zte.std(0)],
        "steps_per_s": timed_steps / (t1 - t0) if timed_steps else None,
    }
    if args.check:
        res["checks"] = checks
    print(json.dumps(res))


if __name__ == "__main__":
    main()
