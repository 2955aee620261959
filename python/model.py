"""A gradlab network as a PyTorch nn.Sequential, and a small safetensors reader and writer.

Written by `gradlab export --format pytorch`; needs only torch (no safetensors package).
    import model
    net = model.load("model.safetensors")      # torch.nn.Sequential, in eval mode
    logits = net(x)                            # x: float32 (N, features), scaled as in training
The file holds an nn.Sequential state dict: 0.weight (out, in), 0.bias (out), 2.weight, ...
"""
import json
import struct

import torch
from torch import nn

DTYPES = {"F32": torch.float32, "F64": torch.float64}
NAMES = {v: k for k, v in DTYPES.items()}
LEAKY_RELU_SLOPE = 0.01


def read_safetensors(path):
    """Returns ({name: tensor}, {metadata key: string}) from a safetensors file (F32/F64 only)."""
    with open(path, "rb") as f:
        raw = f.read()
    if len(raw) < 8:
        raise ValueError(f"{path}: not a safetensors file (shorter than 8 bytes)")
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + n].decode("utf-8"))
    metadata = header.pop("__metadata__", {}) or {}
    body = raw[8 + n :]
    tensors = {}
    for name, info in header.items():
        if info["dtype"] not in DTYPES:
            raise ValueError(f"{path}: tensor {name} has dtype {info['dtype']}, expected F32 or F64")
        begin, end = info["data_offsets"]
        flat = torch.frombuffer(bytearray(body[begin:end]), dtype=DTYPES[info["dtype"]])
        tensors[name] = flat.reshape(info["shape"]).clone()
    return tensors, metadata


def write_safetensors(path, tensors, metadata=None):
    """Writes {name: tensor} (float32/float64) and string metadata as a safetensors file."""
    header, chunks, offset = {}, [], 0
    for name in sorted(tensors):
        t = tensors[name].detach().cpu().contiguous()
        data = t.numpy().tobytes() if t.dtype in NAMES else None
        if data is None:
            raise ValueError(f"tensor {name}: dtype {t.dtype}, expected float32 or float64")
        header[name] = {"dtype": NAMES[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    if metadata:
        header["__metadata__"] = {k: str(v) for k, v in metadata.items()}
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    tmp = f"{path}.tmp"
    with open(tmp, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(chunks))
    import os

    os.replace(tmp, path)


def activation_module(name):
    """The nn module of a gradlab activation name."""
    table = {
        "relu": nn.ReLU,
        "sigmoid": nn.Sigmoid,
        "tanh": nn.Tanh,
        "leakyRelu": lambda: nn.LeakyReLU(LEAKY_RELU_SLOPE),
    }
    if name not in table:
        raise ValueError(f"activation {name!r}: expected one of {', '.join(table)}")
    return table[name]()


def build(sizes, activation="relu", dropout=0.0, dtype=torch.float32):
    """nn.Sequential of Linear layers sizes[0] -> ... -> sizes[-1]: [Linear, activation, (Dropout)]
    per hidden layer, then the last Linear (so with dropout the Linear layers sit at 0, 3, 6, ...)."""
    layers = []
    for k in range(len(sizes) - 1):
        layers.append(nn.Linear(sizes[k], sizes[k + 1], dtype=dtype))
        if k < len(sizes) - 2:
            layers.append(activation_module(activation))
            if dropout > 0:
                layers.append(nn.Dropout(dropout))
    return nn.Sequential(*layers)


def sizes_of(tensors):
    """Layer sizes from the shapes of K.weight (out, in), in the order of K."""
    keys = sorted({int(k.split(".")[0]) for k in tensors}, key=int)
    sizes = [tensors[f"{keys[0]}.weight"].shape[1]]
    for k in keys:
        sizes.append(tensors[f"{k}.weight"].shape[0])
    return sizes


def load(path, activation=None):
    """The nn.Sequential stored in a safetensors file, in eval mode. The activation is the one
    gradlab recorded in the file's metadata, else `activation`, else ReLU."""
    tensors, metadata = read_safetensors(path)
    config = json.loads(metadata["config"]) if "config" in metadata else {}
    act = activation or config.get("activation", "relu")
    dtype = next(iter(tensors.values())).dtype
    net = build(sizes_of(tensors), act, config.get("dropout", 0.0), dtype)
    net.load_state_dict(tensors)
    return net.eval()
