"""The book's chapter 5 experiment written the book's way, as the reference for `npm run bench`:
TwoLayerNet 784-50-10 (Affine, Relu, Affine, SoftmaxWithLoss in an OrderedDict), float32 images
scaled to [0, 1] with float64 weights, one-hot labels, batch 100 drawn with replacement,
10,000 iterations of SGD at lr 0.1, the loss computed again after each update (a second forward
pass), and train + test accuracy every 600.0 iterations (i % 600.0 == 0: 17 evaluations).

Usage: python3 book_train.py [--iters N] [--no-eval] [--synthetic] [--threads N] [--seed S]
                             [--numerical-gradient]
Prints one JSON object. --numerical-gradient instead times one full central-difference gradient
(h = 1e-4, every one of the 39,760 parameters, the book's numerical_gradient) on a batch of 100.
"""

import json
import os
import resource
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the repository

if '--threads' in sys.argv:  # before numpy loads OpenBLAS
    for var in ('OPENBLAS_NUM_THREADS', 'OMP_NUM_THREADS', 'MKL_NUM_THREADS'):
        os.environ[var] = sys.argv[sys.argv.index('--threads') + 1]

from collections import OrderedDict  # noqa: E402

import numpy as np  # noqa: E402

from mnist_idx import load  # noqa: E402


def softmax(x):
    x = x.T
    x = x - np.max(x, axis=0)
    y = np.exp(x) / np.sum(np.exp(x), axis=0)
    return y.T


def cross_entropy_error(y, t):
    if t.size == y.size:  # one-hot labels become indices
        t = t.argmax(axis=1)
    n = y.shape[0]
    return -np.sum(np.log(y[np.arange(n), t] + 1e-7)) / n


class Affine:
    def __init__(self, W, b):
        self.W, self.b = W, b
        self.x = self.dW = self.db = None

    def forward(self, x):
        self.x = x
        return np.dot(x, self.W) + self.b

    def backward(self, dout):
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return np.dot(dout, self.W.T)


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout[self.mask] = 0  # the book writes into dout
        return dout


class SoftmaxWithLoss:
    def __init__(self):
        self.y = self.t = None

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        return cross_entropy_error(self.y, t)

    def backward(self, dout=1):
        return (self.y - self.t) / self.t.shape[0]  # one-hot t


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, weight_init_std=0.01):
        self.params = {
            'W1': weight_init_std * np.random.randn(input_size, hidden_size),
            'b1': np.zeros(hidden_size),
            'W2': weight_init_std * np.random.randn(hidden_size, output_size),
            'b2': np.zeros(output_size),
        }
        self.layers = OrderedDict()
        self.layers['Affine1'] = Affine(self.params['W1'], self.params['b1'])
        self.layers['Relu1'] = Relu()
        self.layers['Affine2'] = Affine(self.params['W2'], self.params['b2'])
        self.last_layer = SoftmaxWithLoss()

    def predict(self, x):
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def loss(self, x, t):
        return self.last_layer.forward(self.predict(x), t)

    def accuracy(self, x, t):
        y = np.argmax(self.predict(x), axis=1)
        if t.ndim != 1:
            t = np.argmax(t, axis=1)
        return np.sum(y == t) / float(x.shape[0])

    def gradient(self, x, t):
        self.loss(x, t)
        dout = self.last_layer.backward(1)
        for layer in reversed(list(self.layers.values())):
            dout = layer.backward(dout)
        a1, a2 = self.layers['Affine1'], self.layers['Affine2']
        return {'W1': a1.dW, 'b1': a1.db, 'W2': a2.dW, 'b2': a2.db}

    def numerical_gradient(self, x, t):
        f = lambda _: self.loss(x, t)  # noqa: E731
        return {key: numerical_gradient(f, self.params[key]) for key in ('W1', 'b1', 'W2', 'b2')}


def numerical_gradient(f, x):
    """Central differences, one parameter at a time (the book's loop over np.nditer)."""
    h = 1e-4
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=['multi_index'], op_flags=['readwrite'])
    while not it.finished:
        idx = it.multi_index
        saved = x[idx]
        x[idx] = float(saved) + h
        fxh1 = f(x)
        x[idx] = saved - h
        fxh2 = f(x)
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = saved
        it.iternext()
    return grad


def arg(name, default):
    return type(default)(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def main():
    iters = arg('--iters', 10000)
    np.random.seed(arg('--seed', 0))
    x_train, t_train, x_test, t_test = load(synthetic='--synthetic' in sys.argv)
    # As the book's load_mnist(normalize=True, one_hot_label=True): float32 pixels / 255.
    x_train = x_train.astype(np.float32) / 255.0
    x_test = x_test.astype(np.float32) / 255.0
    t_train = np.eye(10, dtype=np.int64)[t_train]
    t_test = np.eye(10, dtype=np.int64)[t_test]
    network = TwoLayerNet(input_size=784, hidden_size=50, output_size=10)

    if '--numerical-gradient' in sys.argv:
        mask = np.random.choice(x_train.shape[0], 100)
        start = time.perf_counter()
        network.numerical_gradient(x_train[mask], t_train[mask])
        seconds = time.perf_counter() - start
        print(json.dumps({'script': 'book_train.py', 'numerical_gradient_seconds': seconds, 'parameters': 39760}))
        return

    evaluate = '--no-eval' not in sys.argv
    train_size, batch_size, learning_rate = x_train.shape[0], 100, 0.1
    iter_per_epoch = max(train_size / batch_size, 1)  # 600.0: the book's float epoch length
    eval_seconds, evaluations, train_acc, test_acc, loss = 0.0, 0, None, None, None
    start = time.perf_counter()
    for i in range(iters):
        batch_mask = np.random.choice(train_size, batch_size)
        x_batch, t_batch = x_train[batch_mask], t_train[batch_mask]
        grad = network.gradient(x_batch, t_batch)
        for key in ('W1', 'b1', 'W2', 'b2'):
            network.params[key] -= learning_rate * grad[key]
        loss = network.loss(x_batch, t_batch)
        if evaluate and i % iter_per_epoch == 0:
            t0 = time.perf_counter()
            train_acc = network.accuracy(x_train, t_train)
            test_acc = network.accuracy(x_test, t_test)
            eval_seconds += time.perf_counter() - t0
            evaluations += 1
    total = time.perf_counter() - start
    print(json.dumps({
        'script': 'book_train.py',
        'dtype': 'float64 weights, float32 images',
        'iterations': iters,
        'evaluations': evaluations,
        'total_seconds': total,
        'eval_seconds': eval_seconds,
        'ms_per_iteration': (total - eval_seconds) / iters * 1000,
        'final_loss': float(loss),
        'train_accuracy': train_acc,
        'test_accuracy': test_acc,
        'peak_rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        'threads': os.environ.get('OPENBLAS_NUM_THREADS', 'default'),
    }))


if __name__ == '__main__':
    main()
