"""The book's loss examples (ch04 §4.2) and the NumPy sums that the tests assert bit for bit, as
NumPy (float64) prints them. The PyTorch-style losses are checked against torch itself instead:
see torch-reference.py, which writes torch-reference.json.
Run: python3 test/losses/book-values.py   (numpy 2.x)"""
import numpy as np

t = np.array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0.0])
y1 = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
y2 = np.array([0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0])
for y in (y1, y2):
    print("book sse", repr(float(0.5 * np.sum((y - t) ** 2))))
    print("book ce", repr(float(-np.sum(t * np.log(y + 1e-7)))))
yb = np.stack([y1, y2])
print("book ce batch", repr(float(-np.sum(np.log(yb[np.arange(2), [2, 2]] + 1e-7)) / 2)))
print("pairwise 1000x0.1", repr(float(np.sum(np.full(1000, 0.1)))))
