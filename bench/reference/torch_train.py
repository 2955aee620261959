"""The standard experiment in PyTorch, as learners would write it: nn.Sequential(Linear(784, 50),
ReLU, Linear(50, 10)), CrossEntropyLoss, optim.SGD(lr 0.1), float32, weights N(0, 0.01²) and zero
biases as the book's TwoLayerNet. Same data, batch 100 drawn with replacement, 10,000 iterations,
17 evaluations (every 600 iterations, in chunks of 10,000 rows under no_grad).

Usage: /usr/bin/python3 torch_train.py [--iters N] [--no-eval] [--threads N] [--seed S]
--threads: torch.set_num_threads (default: 1; 0 keeps torch's default). Prints one JSON object.
"""

import json
import os
import resource
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the repository


def arg(name, default):
    return type(default)(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


THREADS = arg('--threads', 1)
if THREADS > 0:  # before torch loads: OpenBLAS and OpenMP read these once
    for var in ('OPENBLAS_NUM_THREADS', 'OMP_NUM_THREADS', 'MKL_NUM_THREADS'):
        os.environ[var] = str(THREADS)

import numpy as np  # noqa: E402
import torch  # noqa: E402
from torch import nn  # noqa: E402

from mnist_idx import load  # noqa: E402


def accuracy(model, x, t, chunk=10000):
    hits = 0
    with torch.no_grad():
        for s in range(0, x.shape[0], chunk):
            hits += int((model(x[s:s + chunk]).argmax(dim=1) == t[s:s + chunk]).sum())
    return hits / x.shape[0]


def main():
    if THREADS > 0:
        torch.set_num_threads(THREADS)
    iters, batch, lr = arg('--iters', 10000), 100, 0.1
    rng = np.random.default_rng(arg('--seed', 0))
    torch.manual_seed(arg('--seed', 0))
    x_train, t_train, x_test, t_test = load(synthetic=False)
    x_train = torch.from_numpy(x_train.astype(np.float32) / np.float32(255))
    x_test = torch.from_numpy(x_test.astype(np.float32) / np.float32(255))
    t_train, t_test = torch.from_numpy(t_train.astype(np.int64)), torch.from_numpy(t_test.astype(np.int64))
    model = nn.Sequential(nn.Linear(784, 50), nn.ReLU(), nn.Linear(50, 10))
    with torch.no_grad():
        for layer in (model[0], model[2]):
            layer.weight.normal_(0, 0.01)
            layer.bias.zero_()
    loss_fn = nn.CrossEntropyLoss()
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    evaluate = '--no-eval' not in sys.argv
    epoch = x_train.shape[0] // batch
    eval_seconds, evaluations, train_acc, test_acc, loss = 0.0, 0, None, None, None
    start = time.perf_counter()
    for i in range(iters):
        idx = torch.from_numpy(rng.integers(0, x_train.shape[0], batch))
        out = model(x_train[idx])
        loss = loss_fn(out, t_train[idx])
        opt.zero_grad()
        loss.backward()
        opt.step()
        if evaluate and i % epoch == 0:
            t0 = time.perf_counter()
            train_acc, test_acc = accuracy(model, x_train, t_train), accuracy(model, x_test, t_test)
            eval_seconds += time.perf_counter() - t0
            evaluations += 1
    total = time.perf_counter() - start
    print(json.dumps({
        'script': 'torch_train.py',
        'iterations': iters,
        'evaluations': evaluations,
        'total_seconds': total,
        'eval_seconds': eval_seconds,
        'final_loss': float(loss),
        'train_accuracy': train_acc,
        'test_accuracy': test_acc,
        'peak_rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        'threads': torch.get_num_threads(),
        'torch': torch.__version__,
    }))


if __name__ == '__main__':
    main()
