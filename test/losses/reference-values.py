"""Expected values for test/losses/*.test.ts, computed independently with NumPy (float64) from
PyTorch's documented formulas (docs.pytorch.org torch.nn.<Loss>, ATen Loss.cpp / LossNLL.cpp).
Run: python3 test/losses/reference-values.py   (numpy 2.x; torch is not needed)
The tests compare with relative error <= 1e-12, except the book's numbers, asserted bit for bit."""
import numpy as np

np.set_printoptions(precision=17)
A = np.array
def show(name, v):
    v = np.asarray(v, dtype=np.float64)
    print(f"{name}: {repr(float(v)) if v.ndim == 0 else [float(e) for e in v.ravel()]}")

def reductions(name, l, mean_den=None):
    show(name + " none", l)
    show(name + " sum", l.sum())
    show(name + " mean", l.sum() / (l.size if mean_den is None else mean_den))

def log_softmax(x):
    m = x.max(axis=-1, keepdims=True)
    return x - m - np.log(np.exp(x - m).sum(axis=-1, keepdims=True))

# Book §4.2.1: t one-hot at 2
t = A([0, 0, 1, 0, 0, 0, 0, 0, 0, 0.0])
y1 = A([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
y2 = A([0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0])
for y in (y1, y2):
    show("book sse", 0.5 * np.sum((y - t) ** 2))
    show("book ce", -np.sum(t * np.log(y + 1e-7)))
yb = np.stack([y1, y2]); show("book ce batch", -np.sum(np.log(yb[np.arange(2), [2, 2]] + 1e-7)) / 2)
show("pairwise 1000x0.1", np.sum(np.full(1000, 0.1)))

X = A([[0.5, -1.2, 2.0], [1.5, 0.3, -0.7]])
Y = A([[1.0, -1.0, 0.5], [0.0, 0.3, 0.4]])
d = X - Y
reductions("mse", d ** 2)
reductions("l1", np.abs(d))
for delta in (1.0, 0.5):
    z = np.abs(d); reductions(f"huber d={delta}", np.where(z < delta, 0.5 * z * z, delta * (z - 0.5 * delta)))
for beta in (1.0, 0.5):
    z = np.abs(d); reductions(f"smoothl1 b={beta}", np.where(z < beta, 0.5 * z * z / beta, z - 0.5 * beta))

YS = A([[1, -1, 1], [-1, 1, -1.0]])
reductions("softmargin", np.log1p(np.exp(-YS * X)))

xh = A([0.3, 1.5, -0.2, 0.8, 2.5, 0.4]); yh = A([1, -1, -1, 1, -1, 0.0])
for margin in (1.0, 2.0):
    reductions(f"hinge m={margin}", np.where(yh != 1, np.maximum(0, margin - xh), 0) + np.where(yh != -1, xh, 0))

xp = A([0.5, -1.0, 2.0, 0.1]); yp = A([1, 0, 3, 2.0])
reductions("poisson log", np.exp(xp) - yp * xp)
with np.errstate(divide="ignore", invalid="ignore"):
    st = np.where(yp <= 1, 0.0, yp * np.log(yp) - yp + 0.5 * np.log(2 * np.pi * yp))
reductions("poisson log full", np.exp(xp) - yp * xp + st)
lp = A([1.5, 0.2, 4.0, 0.0])
reductions("poisson lambda", lp - yp * np.log(lp + 1e-8))
reductions("poisson lambda eps=1e-3 full", lp - yp * np.log(lp + 1e-3) + st)

logits = A([[1.0, 2.0, 0.5], [0.3, -0.2, 2.2]])
xk = log_softmax(logits)
pk = A([[0.2, 0.0, 0.8], [0.5, 0.25, 0.25]])
with np.errstate(divide="ignore", invalid="ignore"):
    xlogy = np.where(pk == 0, 0.0, pk * np.log(pk))
lk = xlogy - pk * xk
reductions("kl", lk); show("kl batchmean", lk.sum() / 2)
qk = A([[0.2, 0.3, 0.5], [0.6, 0.1, 0.3]]); ltk = np.log(qk)
reductions("kl logtarget", np.exp(ltk) * (ltk - xk)); show("kl logtarget batchmean", (np.exp(ltk) * (ltk - xk)).sum() / 2)
show("kl input", xk)

xb = A([[0.9, 0.2, 0.6], [0.3, 0.7, 0.5]]); yb = A([[1, 0, 1], [0, 0, 1.0]]); wb = A([0.5, 2.0, 1.5])
bce = -(yb * np.maximum(np.log(xb), -100) + (1 - yb) * np.maximum(np.log1p(-xb), -100))
reductions("bce", bce); reductions("bce weight", bce * wb)

xl = A([[1.2, -0.5, 3.0], [-2.0, 0.1, 0.7]]); pw = A([2.0, 0.5, 1.0])
sig = 1 / (1 + np.exp(-xl))
reductions("bcel", -(yb * np.log(sig) + (1 - yb) * np.log(1 - sig)))
reductions("bcel weight pos", -wb * (pw * yb * np.log(sig) + (1 - yb) * np.log(1 - sig)))

lg = A([[1.0, 2.0, 0.5, -1.0], [0.3, -0.2, 2.2, 1.1], [-1.5, 0.0, 0.4, 0.9]])
tc = A([1, 2, 3]); wc = A([0.5, 2.0, 1.0, 1.5]); N, C = lg.shape
ls = log_softmax(lg)
show("nll input", ls)
nll = -ls[np.arange(N), tc]
reductions("ce", nll)
reductions("ce weight", nll * wc[tc], wc[tc].sum())
keep = tc != 3  # ignore_index = 3
reductions("ce weight ignore3", np.where(keep, nll * wc[tc], 0), (wc[tc] * keep).sum())
for eps in (0.1,):
    smooth = -ls.sum(axis=1)
    reductions(f"ce smooth {eps}", (1 - eps) * nll + eps / C * smooth)
    smooth_w = -(ls * wc).sum(axis=1)
    l = np.where(keep, (1 - eps) * nll * wc[tc] + eps / C * smooth_w, 0)
    reductions(f"ce smooth {eps} weight ignore3", l, (wc[tc] * keep).sum())
P = A([[0.1, 0.6, 0.2, 0.1], [0.0, 0.0, 1.0, 0.0], [0.25, 0.25, 0.25, 0.25]])
reductions("ce prob", -(ls * P).sum(axis=1), N)
reductions("ce prob weight", -(ls * P * wc).sum(axis=1), N)
Ps = P * (1 - 0.2) + 0.2 / C
reductions("ce prob weight smooth0.2", -(ls * Ps * wc).sum(axis=1), N)
show("ce 1-D row", -log_softmax(lg[0])[3])

def multimargin(x, t, p, margin, w=None):
    out = []
    for n in range(x.shape[0]):
        s = 0.0
        for i in range(x.shape[1]):
            if i == t[n]: continue
            z = margin - x[n, t[n]] + x[n, i]
            if z > 0: s += (z if p == 1 else z * z) * (1 if w is None else w[t[n]])
        out.append(s / x.shape[1])
    return A(out)
tm = A([3, 0, 2])
reductions("mm p1", multimargin(lg, tm, 1, 1.0))
reductions("mm p2", multimargin(lg, tm, 2, 1.0))
reductions("mm p2 m0.6 w", multimargin(lg, tm, 2, 0.6, wc))
show("mm 1-D", multimargin(lg[:1], A([0]), 1, 1.0))
