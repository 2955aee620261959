"""The same experiment as book_train.py done the fast NumPy way, as the strongest CPU peer for
`npm run bench`: everything float32, integer labels, one forward and one backward per iteration
(the loss comes from the forward pass that the gradient uses), preallocated buffers with out=
arguments, in-place SGD, and evaluation in chunks of 10,000 rows. Same data, batch 100 drawn with
replacement, 10,000 iterations, lr 0.1, 17 evaluations (every 600 iterations).

Usage: python3 numpy_f32_train.py [--iters N] [--no-eval] [--synthetic] [--threads N] [--seed S]
Default --threads 1 (OpenBLAS on one thread, the peer of a single-threaded WASM backend).
Prints one JSON object.
"""

import json
import os
import resource
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the repository

THREADS = sys.argv[sys.argv.index('--threads') + 1] if '--threads' in sys.argv else '1'
for var in ('OPENBLAS_NUM_THREADS', 'OMP_NUM_THREADS', 'MKL_NUM_THREADS'):  # before numpy loads
    os.environ[var] = THREADS

import numpy as np  # noqa: E402

from mnist_idx import load  # noqa: E402

F = np.float32


def arg(name, default):
    return type(default)(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


class Net:
    """784-50-10 with ReLU, weights N(0, 0.01²) as the book's TwoLayerNet, all float32."""

    def __init__(self, rng, batch):
        self.W1 = (0.01 * rng.standard_normal((784, 50))).astype(F)
        self.b1 = np.zeros(50, F)
        self.W2 = (0.01 * rng.standard_normal((50, 10))).astype(F)
        self.b2 = np.zeros(10, F)
        self.rows = np.arange(batch)
        self.x = np.empty((batch, 784), F)
        self.h = np.empty((batch, 50), F)
        self.y = np.empty((batch, 10), F)
        self.dh = np.empty((batch, 50), F)
        self.dW1 = np.empty_like(self.W1)
        self.dW2 = np.empty_like(self.W2)

    def step(self, x_train, t_train, idx, lr):
        """One SGD step on the rows idx; returns the batch loss (before the update)."""
        x, h, y, t, n = self.x, self.h, self.y, t_train[idx], len(idx)
        np.take(x_train, idx, axis=0, out=x)
        np.dot(x, self.W1, out=h)
        h += self.b1
        np.maximum(h, 0, out=h)
        np.dot(h, self.W2, out=y)
        y += self.b2
        y -= y.max(axis=1, keepdims=True)
        np.exp(y, out=y)
        y /= y.sum(axis=1, keepdims=True)
        loss = -np.log(y[self.rows, t] + 1e-7).mean()
        y[self.rows, t] -= 1  # y becomes dL/dz2 · n
        y *= F(1.0 / n)
        np.dot(h.T, y, out=self.dW2)
        db2 = y.sum(axis=0)
        np.dot(y, self.W2.T, out=self.dh)
        self.dh *= h > 0
        np.dot(x.T, self.dh, out=self.dW1)
        db1 = self.dh.sum(axis=0)
        for p, g in ((self.W1, self.dW1), (self.b1, db1), (self.W2, self.dW2), (self.b2, db2)):
            g *= F(lr)
            p -= g
        return float(loss)

    def accuracy(self, x, t, chunk=10000):
        hits = 0
        for s in range(0, x.shape[0], chunk):
            h = np.maximum(x[s:s + chunk] @ self.W1 + self.b1, 0)
            hits += int(np.sum(np.argmax(h @ self.W2 + self.b2, axis=1) == t[s:s + chunk]))
        return hits / x.shape[0]


def main():
    iters, batch, lr = arg('--iters', 10000), 100, 0.1
    rng = np.random.default_rng(arg('--seed', 0))
    x_train, t_train, x_test, t_test = load(synthetic='--synthetic' in sys.argv)
    x_train = x_train.astype(F) * F(1 / 255)
    x_test = x_test.astype(F) * F(1 / 255)
    t_train, t_test = t_train.astype(np.intp), t_test.astype(np.intp)
    net = Net(rng, batch)
    evaluate = '--no-eval' not in sys.argv
    epoch = x_train.shape[0] // batch
    eval_seconds, evaluations, train_acc, test_acc, loss = 0.0, 0, None, None, None
    start = time.perf_counter()
    for i in range(iters):
        loss = net.step(x_train, t_train, rng.integers(0, x_train.shape[0], batch), lr)
        if evaluate and i % epoch == 0:
            t0 = time.perf_counter()
            train_acc, test_acc = net.accuracy(x_train, t_train), net.accuracy(x_test, t_test)
            eval_seconds += time.perf_counter() - t0
            evaluations += 1
    total = time.perf_counter() - start
    print(json.dumps({
        'script': 'numpy_f32_train.py',
        'dtype': 'float32',
        'iterations': iters,
        'evaluations': evaluations,
        'total_seconds': total,
        'eval_seconds': eval_seconds,
        'ms_per_iteration': (total - eval_seconds) / iters * 1000,
        'final_loss': loss,
        'train_accuracy': train_acc,
        'test_accuracy': test_acc,
        'peak_rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        'threads': THREADS,
    }))


if __name__ == '__main__':
    main()
