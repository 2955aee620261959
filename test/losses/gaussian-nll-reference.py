"""Reference values of GaussianNLLLoss from PyTorch itself, for test/losses/gaussian-nll-loss.test.ts.
Run: /usr/bin/python3 test/losses/gaussian-nll-reference.py [--out FILE]   (torch 1.13; float64)
Writes test/losses/gaussian-nll-reference.json: for each case the inputs, options, the loss for
every reduction, and the gradients with respect to input and var (for 'none', of sum(loss * weight))."""
import argparse
import json
import os

import torch
import torch.nn.functional as F

torch.manual_seed(11)
D = torch.float64


def case(name, input, target, var, full=False, eps=1e-6):
    out = {"name": name, "input": input.tolist(), "target": target.tolist(), "var": var.tolist(),
           "full": full, "eps": eps, "torch": torch.__version__}
    weight = torch.randn(input.shape, dtype=D)
    out["weight"] = weight.tolist()
    for reduction in ("none", "mean", "sum"):
        x = input.clone().requires_grad_(True)
        v = var.clone().requires_grad_(True)
        loss = F.gaussian_nll_loss(x, target, v, full=full, eps=eps, reduction=reduction)
        (loss * weight).sum().backward() if reduction == "none" else loss.backward()
        out[reduction] = {"loss": loss.tolist(), "dInput": x.grad.tolist(), "dVar": v.grad.tolist()}
    return out


x = torch.randn(4, 3, dtype=D)
y = torch.randn(4, 3, dtype=D)
cases = [
    case("heteroscedastic (4, 3)", x, y, torch.rand(4, 3, dtype=D) + 0.1),
    case("heteroscedastic, full", x, y, torch.rand(4, 3, dtype=D) + 0.1, full=True),
    case("one variance per row, var (4)", x, y, torch.rand(4, dtype=D) + 0.1),
    case("one variance per row, var (4, 1)", x, y, torch.rand(4, 1, dtype=D) + 0.1, full=True),
    case("clamped at eps 1e-6: var 0 and 1e-8", x[:1], y[:1], torch.tensor([[0.0, 1e-8, 0.5]], dtype=D)),
    case("clamped at eps 0.3", x, y, torch.rand(4, 3, dtype=D), eps=0.3),
    case("1-D input, 0-d var", x[0], y[0], torch.tensor(0.7, dtype=D)),
    case("3-D input (2, 2, 3), var (2, 2)", torch.randn(2, 2, 3, dtype=D), torch.randn(2, 2, 3, dtype=D),
         torch.rand(2, 2, dtype=D) + 0.1),
]
errors = {}
for label, var in (("var (3)", torch.ones(3, dtype=D)), ("negative var", -torch.ones(4, 3, dtype=D))):
    try:
        F.gaussian_nll_loss(x, y, var)
    except ValueError as e:
        errors[label] = str(e)
parser = argparse.ArgumentParser()
parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "gaussian-nll-reference.json"))
path = parser.parse_args().out
with open(path, "w") as f:
    json.dump({"generator": "test/losses/gaussian-nll-reference.py", "cases": cases, "errors": errors}, f, indent=1)
    f.write("\n")
print(f"wrote {path}: {len(cases)} cases")
