"""Continues training a gradlab model in PyTorch with DistributedDataParallel (gloo, CPU).

Written by `gradlab export --format pytorch` next to model.py and model.safetensors. CONFIG below
holds what the gradlab run used: data preparation, the likelihood head (which fixes the loss),
the optimizer and its hyperparameters.

One machine, N worker processes (started here with torch.multiprocessing.spawn):
    python3 train.py --nproc 2 --data DIR --iters 1000 --out trained.safetensors
Several machines (run on each; node 0's address is the rendezvous):
    python3 train.py --nnodes 2 --node-rank 0 --nproc 4 --master-addr 10.0.0.1 --master-port 29500 ...
Under a launcher that sets RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT (torchrun on a current
PyTorch, Slurm, ...), each launched process is one worker and --nproc/--nnodes are ignored:
    torchrun --nnodes 2 --nproc-per-node 4 --rdzv-endpoint 10.0.0.1:29500 train.py --data DIR ...
Each step averages the gradients of the workers, each on batch_size / world_size samples, so a
step sees batch_size samples in all, as in gradlab. The output is a safetensors file with the same
names (0.weight, 0.bias, ...) that `gradlab eval --model FILE` reads.
"""
import argparse
import csv
import gzip
import json
import os
import struct
import sys

import torch
import torch.distributed as dist
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import model  # noqa: E402  (model.py beside this file)

# gradlab export replaces the next line with the exported run's settings.
CONFIG = {"data": {"kind": "idx", "scale": 255}, "head": "categorical", "optimizer": "sgd", "learningRate": 0.1, "batchSize": 100, "weightDecay": 0, "sampling": "replacement", "seed": 0}


def parse_args(argv=None):
    p = argparse.ArgumentParser(description="continue a gradlab model's training with PyTorch DDP")
    p.add_argument("--data", required=True, help="MNIST-style folder of the four IDX files, or the CSV file")
    p.add_argument("--iters", type=int, required=True, help="training steps")
    p.add_argument("--out", required=True, help="output safetensors file")
    p.add_argument("--model", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "model.safetensors"))
    p.add_argument("--nproc", type=int, default=1, help="worker processes on this machine")
    p.add_argument("--nnodes", type=int, default=1, help="machines taking part")
    p.add_argument("--node-rank", type=int, default=0, help="this machine's index, 0 .. nnodes-1")
    p.add_argument("--master-addr", default="127.0.0.1", help="address of node 0 (rendezvous)")
    p.add_argument("--master-port", type=int, default=29500)
    p.add_argument("--lr", type=float, default=CONFIG["learningRate"])
    p.add_argument("--batch-size", type=int, default=CONFIG["batchSize"])
    p.add_argument("--seed", type=int, default=CONFIG["seed"])
    p.add_argument("--log-every", type=int, default=100)
    a = p.parse_args(argv)
    if a.iters < 1 or a.nproc < 1 or a.nnodes < 1 or not 0 <= a.node_rank < a.nnodes:
        p.error("--iters, --nproc and --nnodes must be >= 1 and 0 <= --node-rank < --nnodes")
    return a


def idx_file(folder, prefixes, part):
    ext = "idx3-ubyte" if part == "images" else "idx1-ubyte"
    for prefix in prefixes:
        for base in (f"{prefix}-{part}-{ext}", f"{prefix}-{part}.{ext}"):
            for name in (base, base + ".gz"):
                if os.path.exists(os.path.join(folder, name)):
                    return os.path.join(folder, name)
    raise SystemExit(f"train.py: no {prefixes[0]} {part} IDX file in {folder}")


def read_idx(path):
    with (gzip.open if path.endswith(".gz") else open)(path, "rb") as f:
        raw = f.read()
    dims = raw[3]
    shape = struct.unpack(f">{dims}I", raw[4 : 4 + 4 * dims])
    return torch.frombuffer(bytearray(raw[4 + 4 * dims :]), dtype=torch.uint8).reshape(shape)


def load_idx(folder, scale):
    def split(prefixes):
        x = read_idx(idx_file(folder, prefixes, "images"))
        t = read_idx(idx_file(folder, prefixes, "labels"))
        return x.reshape(x.shape[0], -1).float() / scale, t.long()

    return split(["train"]), split(["t10k", "test"])


def load_csv(path, data):
    """Every row of the CSV as (x standardised with gradlab's saved training mean and std, t):
    class names become indices in gradlab's order, other targets stay numbers. train.py trains
    and reports on all rows (gradlab's seeded split is not repeated here)."""
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    missing = [c for c in data["features"] + [data["target"]] if rows and c not in rows[0]]
    if missing:
        raise SystemExit(f"train.py: {path} has no column {', '.join(missing)}")
    mean = torch.tensor(data["mean"], dtype=torch.float64)
    std = torch.tensor(data["std"], dtype=torch.float64)
    x = ((torch.tensor([[float(r[c]) for c in data["features"]] for r in rows], dtype=torch.float64) - mean) / std).float()
    classes = data.get("classes")
    if classes is not None:
        index = {str(c): i for i, c in enumerate(classes)}
        t = torch.tensor([index[r[data["target"]].strip()] for r in rows])
    else:
        t = torch.tensor([[float(r[data["target"]])] for r in rows])
    return (x, t), (x, t)


def load_data(path):
    data = CONFIG["data"]
    if data["kind"] == "idx":
        return load_idx(path, data.get("scale", 255))
    if data["kind"] == "csv":
        return load_csv(path, data)
    raise SystemExit(f"train.py: unknown data kind {data['kind']!r}")


def head_loss(scores, t):
    """The negative log-likelihood of gradlab's head (mean over the batch), as gradlab trains it."""
    head = CONFIG["head"]
    if head == "categorical":
        return F.cross_entropy(scores, t)
    t = t.to(scores.dtype).reshape(scores.shape[0], -1)
    if head == "bernoulli":
        return F.binary_cross_entropy_with_logits(scores, t)
    if head == "gaussian":
        return F.mse_loss(scores, t)
    if head == "laplace":
        return F.l1_loss(scores, t)
    if head == "poisson":
        return F.poisson_nll_loss(scores, t, log_input=True)
    if head == "gaussian-variance":  # outputs [mean, s] with variance softplus(s)
        d = scores.shape[1] // 2
        return F.gaussian_nll_loss(scores[:, :d], t, F.softplus(scores[:, d:]), eps=1e-6)
    raise SystemExit(f"train.py: unknown head {head!r}")


def loss_of(scores, t, net):
    loss = head_loss(scores, t)
    lam = CONFIG.get("weightDecay", 0)
    if lam > 0:  # gradlab adds ½λ·Σ‖W‖² over the weights (not the biases)
        loss = loss + 0.5 * lam * sum((m.weight**2).sum() for m in net.modules() if isinstance(m, torch.nn.Linear))
    return loss


def make_optimizer(params, lr):
    """gradlab's update rules in torch.optim's terms (same paths while lr is constant)."""
    name = CONFIG["optimizer"]
    if name == "sgd":
        return torch.optim.SGD(params, lr=lr)
    if name == "momentum":
        return torch.optim.SGD(params, lr=lr, momentum=0.9)
    if name == "adagrad":
        return torch.optim.Adagrad(params, lr=lr, eps=1e-7)
    if name == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr, alpha=0.99, eps=1e-7)
    if name == "adam":
        return torch.optim.Adam(params, lr=lr, betas=(0.9, 0.999), eps=1e-7)
    raise SystemExit(f"train.py: unknown optimizer {name!r}")


def accuracy(net, x, t):
    with torch.no_grad():
        return int((net(x).argmax(dim=1) == t).sum()), len(t)


def worker(rank, world_size, args):
    torch.set_num_threads(1)
    if not dist.is_initialized():
        dist.init_process_group(
            "gloo", init_method=f"tcp://{args.master_addr}:{args.master_port}", rank=rank, world_size=world_size
        )
    (x, t), (x_test, t_test) = load_data(args.data)
    torch.manual_seed(args.seed)
    net = model.load(args.model)
    _, metadata = model.read_safetensors(args.model)
    x, x_test = x.to(net[0].weight.dtype), x_test.to(net[0].weight.dtype)
    net.train()
    ddp = torch.nn.parallel.DistributedDataParallel(net)
    optimizer = make_optimizer(ddp.parameters(), args.lr)
    per_worker = max(1, args.batch_size // world_size)
    g = torch.Generator().manual_seed(args.seed * 1000 + rank)
    order, cursor = torch.randperm(len(t), generator=g), 0
    for step in range(1, args.iters + 1):
        if CONFIG.get("sampling") == "shuffle":
            if cursor + per_worker > len(order):
                order, cursor = torch.randperm(len(t), generator=g), 0
            batch, cursor = order[cursor : cursor + per_worker], cursor + per_worker
        else:  # the book's np.random.choice: with replacement
            batch = torch.randint(len(t), (per_worker,), generator=g)
        optimizer.zero_grad()
        loss = loss_of(ddp(x[batch]), t[batch], net)
        loss.backward()
        optimizer.step()
        if rank == 0 and (step % args.log_every == 0 or step == args.iters):
            print(f"iter {step}/{args.iters} loss {loss.item():.4f} (rank 0, world size {world_size})", flush=True)
    if rank == 0:
        net.eval()
        if CONFIG["head"] == "categorical":
            correct, n = accuracy(net, x_test, t_test)
            print(f"test accuracy {correct / n:.4f} ({correct}/{n})", flush=True)
        else:
            with torch.no_grad():
                print(f"loss {head_loss(net(x_test), t_test).item():.6f} on {len(t_test)} rows ({CONFIG['head']} head)", flush=True)
        metadata = dict(metadata, trainedBy=f"train.py, PyTorch {torch.__version__}, {world_size} workers")
        model.write_safetensors(args.out, net.state_dict(), metadata)
        print(f"wrote {args.out}", flush=True)
    dist.barrier()
    dist.destroy_process_group()


def spawned(local_rank, args):
    worker(args.node_rank * args.nproc + local_rank, args.nnodes * args.nproc, args)


def main(argv=None):
    args = parse_args(argv)
    if "RANK" in os.environ and "WORLD_SIZE" in os.environ:
        # A launcher started this process as one worker and set the rendezvous.
        dist.init_process_group("gloo", init_method="env://")
        worker(int(os.environ["RANK"]), int(os.environ["WORLD_SIZE"]), args)
    elif args.nproc * args.nnodes == 1:
        worker(0, 1, args)
    else:
        torch.multiprocessing.spawn(spawned, args=(args,), nprocs=args.nproc, join=True)


if __name__ == "__main__":
    main()
