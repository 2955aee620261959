"""Trains a 784-32-10 ReLU network from scratch in PyTorch (test (b) of the PyTorch tests), saves
its state dict with model.py's writer (no gradlab metadata) and prints its test accuracy.
Run: python3 test/interop/torch-train.py DATA_DIR OUT.safetensors STEPS"""
import os
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "python"))
import model  # noqa: E402
import train  # noqa: E402  (its IDX reader)

data, out, steps = sys.argv[1], sys.argv[2], int(sys.argv[3])
torch.manual_seed(0)
torch.set_num_threads(1)
(x, t), (x_test, t_test) = train.load_idx(data, 255)
net = model.build([784, 32, 10], "relu")
opt = torch.optim.SGD(net.parameters(), lr=0.1)
g = torch.Generator().manual_seed(0)
for step in range(steps):
    batch = torch.randint(len(t), (100,), generator=g)
    opt.zero_grad()
    F.cross_entropy(net(x[batch]), t[batch]).backward()
    opt.step()
with torch.no_grad():
    correct = int((net(x_test).argmax(1) == t_test).sum())
model.write_safetensors(out, net.state_dict())
print(f"{correct} {len(t_test)}")
