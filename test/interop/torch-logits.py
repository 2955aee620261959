"""Loads an exported folder's model.py + model.safetensors and prints the logits of x as JSON.
Run: python3 test/interop/torch-logits.py EXPORT_DIR X.json   (X.json: {"shape": [N, D], "data": [...]})"""
import json
import sys

sys.path.insert(0, sys.argv[1])
import torch  # noqa: E402
import model  # noqa: E402

spec = json.load(open(sys.argv[2]))
net = model.load(sys.argv[1] + "/model.safetensors")
dtype = net[0].weight.dtype
with torch.no_grad():
    y = net(torch.tensor(spec["data"], dtype=dtype).reshape(spec["shape"]))
print(json.dumps({"dtype": str(dtype), "modules": [type(m).__name__ for m in net], "logits": y.reshape(-1).tolist()}))
