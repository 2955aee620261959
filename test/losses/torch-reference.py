"""Reference values of gradlab's PyTorch-style losses from torch.nn.functional itself (float64,
autograd for the gradients), for test/losses/torch-reference.test.ts.
Run: /usr/bin/python3 test/losses/torch-reference.py [--out FILE]   (torch 1.13; writes torch-reference.json)
Each case names the gradlab class, its options (gradlab's names), the input and target, and for
every reduction the loss and the gradient with respect to the input: of the loss itself for
'mean'/'sum'/'batchmean', of sum(loss * dout) for 'none' (dout is stored in the case).
The inputs are the hand-written ones of the loss tests plus seeded random ones."""
import json
import os
import sys
import warnings

import torch
import torch.nn.functional as F

warnings.filterwarnings("ignore", message="reduction: .mean. divides")

D = torch.float64
torch.manual_seed(20)
T = lambda v: torch.tensor(v, dtype=D)  # noqa: E731


def kwargs(options):
    """gradlab's option names as torch.nn.functional's keyword arguments."""
    names = {"ignoreIndex": "ignore_index", "labelSmoothing": "label_smoothing", "posWeight": "pos_weight",
             "logInput": "log_input", "logTarget": "log_target"}
    out = {}
    for k, v in options.items():
        out[names.get(k, k)] = T(v) if k in ("weight", "posWeight") else v
    return out


FUNCTIONS = {
    "MSELoss": F.mse_loss,
    "L1Loss": F.l1_loss,
    "HuberLoss": F.huber_loss,
    "SmoothL1Loss": F.smooth_l1_loss,
    "SoftMarginLoss": F.soft_margin_loss,
    "HingeEmbeddingLoss": F.hinge_embedding_loss,
    "PoissonNLLLoss": F.poisson_nll_loss,
    "KLDivLoss": F.kl_div,
    "BCELoss": F.binary_cross_entropy,
    "BCEWithLogitsLoss": F.binary_cross_entropy_with_logits,
    "CrossEntropyLoss": F.cross_entropy,
    "NLLLoss": F.nll_loss,
    "MultiMarginLoss": F.multi_margin_loss,
}
INDEX_TARGETS = {"CrossEntropyLoss", "NLLLoss", "MultiMarginLoss"}
cases = []


def case(loss, name, input, target, options=None, reductions=("none", "mean", "sum")):
    options = options or {}
    x0 = T(input)
    index = loss in INDEX_TARGETS and not (isinstance(target, list) and isinstance(_first(target), float))
    t = torch.tensor(target, dtype=torch.long) if index else T(target)
    out = {"loss": loss, "name": name, "options": options, "input": input, "target": target, "results": {}}
    for reduction in reductions:
        x = x0.clone().requires_grad_(True)
        value = FUNCTIONS[loss](x, t, reduction=reduction, **kwargs(options))
        if reduction == "none":
            dout = torch.randn(value.shape, dtype=D)
            out["dout"] = dout.tolist()
            (value * dout).sum().backward()
        else:
            value.backward()
        out["results"][reduction] = {"loss": value.tolist(), "grad": x.grad.tolist()}
    cases.append(out)


def _first(v):
    while isinstance(v, list):
        v = v[0]
    return v


def desc(o):
    """Options as words for a case name: 'weight, ignoreIndex 3' (defaults when empty)."""
    return ", ".join(k if isinstance(v, list) else f"{k} {v}" for k, v in o.items()) or "defaults"


def randn(*shape):
    return torch.randn(*shape, dtype=D).tolist()


# Regression losses: the tests' x, y (d = x − y has an exact zero and values at the kinks' sides).
x = [[0.5, -1.2, 2.0], [1.5, 0.3, -0.7]]
y = [[1.0, -1.0, 0.5], [0.0, 0.3, 0.4]]
for loss, variants in (("MSELoss", [{}]), ("L1Loss", [{}]), ("HuberLoss", [{}, {"delta": 0.5}]),
                       ("SmoothL1Loss", [{}, {"beta": 0.5}])):
    for o in variants:
        case(loss, f"tests' x, y, {desc(o)}", x, y, o)
        case(loss, f"random (4, 5), {desc(o)}", randn(4, 5), randn(4, 5), o)

ys = [[1.0, -1.0, 1.0], [-1.0, 1.0, -1.0]]
case("SoftMarginLoss", "tests' x, ±1", x, ys)
case("SoftMarginLoss", "random (3, 4)", randn(3, 4), torch.randint(0, 2, (3, 4)).mul(2).sub(1).double().tolist())

xh = [0.3, 1.5, -0.2, 0.8, 2.5, 0.4]
yh = [1.0, -1.0, -1.0, 1.0, -1.0, 1.0]
for o in ({}, {"margin": 2.0}):
    case("HingeEmbeddingLoss", f"tests' 6 scores, {desc(o)}", xh, yh, o)

xp = [0.5, -1.0, 2.0, 0.1]
yp = [1.0, 0.0, 3.0, 2.0]
lp = [1.5, 0.2, 4.0, 0.0]
case("PoissonNLLLoss", "log input", xp, yp)
case("PoissonNLLLoss", "log input, full", xp, yp, {"full": True})
case("PoissonNLLLoss", "rate input", lp, yp, {"logInput": False})
case("PoissonNLLLoss", "rate input, eps 1e-3, full", lp, yp, {"logInput": False, "full": True, "eps": 1e-3})
case("PoissonNLLLoss", "random log input (3, 4), full", randn(3, 4), torch.poisson(torch.full((3, 4), 2.0)).double().tolist(), {"full": True})

logits3 = [[1.0, 2.0, 0.5], [0.3, -0.2, 2.2]]
xk = torch.log_softmax(T(logits3), dim=1).tolist()
pk = [[0.2, 0.0, 0.8], [0.5, 0.25, 0.25]]
qk = torch.log(T([[0.2, 0.3, 0.5], [0.6, 0.1, 0.3]])).tolist()
red_kl = ("none", "mean", "sum", "batchmean")
case("KLDivLoss", "probability target with a 0", xk, pk, {}, red_kl)
case("KLDivLoss", "log target", xk, qk, {"logTarget": True}, red_kl)

xb = [[0.9, 0.2, 0.6], [0.3, 0.7, 0.5]]
yb = [[1.0, 0.0, 1.0], [0.0, 0.0, 1.0]]
wb = [0.5, 2.0, 1.5]
case("BCELoss", "tests' probabilities", xb, yb)
case("BCELoss", "with weight", xb, yb, {"weight": wb})
case("BCELoss", "random (4, 3), soft targets", torch.rand(4, 3, dtype=D).mul(0.98).add(0.01).tolist(), torch.rand(4, 3, dtype=D).tolist())
xl = [[1.2, -0.5, 3.0], [-2.0, 0.1, 0.7]]
case("BCEWithLogitsLoss", "tests' logits", xl, yb)
case("BCEWithLogitsLoss", "weight and posWeight", xl, yb, {"weight": wb, "posWeight": [2.0, 0.5, 1.0]})
case("BCEWithLogitsLoss", "random (4, 3) with posWeight", randn(4, 3), torch.rand(4, 3, dtype=D).tolist(), {"posWeight": [1.5, 0.5, 3.0]})

lg = [[1.0, 2.0, 0.5, -1.0], [0.3, -0.2, 2.2, 1.1], [-1.5, 0.0, 0.4, 0.9]]
tc = [1, 2, 3]
wc = [0.5, 2.0, 1.0, 1.5]
P = [[0.1, 0.6, 0.2, 0.1], [0.0, 0.0, 1.0, 0.0], [0.25, 0.25, 0.25, 0.25]]
for o in ({}, {"weight": wc}, {"weight": wc, "ignoreIndex": 3}, {"labelSmoothing": 0.1},
          {"labelSmoothing": 0.1, "weight": wc, "ignoreIndex": 3}):
    case("CrossEntropyLoss", f"index targets, {desc(o)}", lg, tc, o)
for o in ({}, {"weight": wc}, {"weight": wc, "labelSmoothing": 0.2}):
    case("CrossEntropyLoss", f"probability targets, {desc(o)}", lg, P, o)
case("CrossEntropyLoss", "one row (C), a number target", lg[0], 3)
case("CrossEntropyLoss", "random (6, 5), weight, smoothing 0.15",
     randn(6, 5), [0, 4, 2, 2, 1, 3], {"weight": [0.5, 2.0, 1.0, 1.5, 0.8], "labelSmoothing": 0.15})

ls = torch.log_softmax(T(lg), dim=1).tolist()
for o in ({}, {"weight": wc}, {"weight": wc, "ignoreIndex": 3}):
    case("NLLLoss", f"log-softmax input, {desc(o)}", ls, tc, o)

tm = [3, 0, 2]
for o in ({}, {"p": 2}, {"p": 2, "margin": 0.6, "weight": wc}):
    case("MultiMarginLoss", f"tests' scores, {desc(o)}", lg, tm, o)
case("MultiMarginLoss", "one row (C)", lg[0], 0)
case("MultiMarginLoss", "random (5, 4), p 2", randn(5, 4), [0, 3, 1, 1, 2], {"p": 2})

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "torch-reference.json")
if "--out" in sys.argv:
    path = sys.argv[sys.argv.index("--out") + 1]
with open(path, "w") as f:
    json.dump({"generator": "test/losses/torch-reference.py", "torch": torch.__version__, "cases": cases}, f, indent=1)
    f.write("\n")
print(f"wrote {path}: {len(cases)} cases")
