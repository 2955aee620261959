import type { Dataset } from '../data/batch-source.js';
import type { Network } from '../models/network.js';
import { fromArray, zeros } from '../tensor/creation.js';
import type { Tensor } from '../tensor/tensor.js';

/**
 * The network's outputs on every row of a data set, computed in chunks, as one float64 tensor,
 * with the targets as class indices (class targets) or an (N, 1) tensor.
 * Shapes: ds (N, features) → output (N, outputSize), targets (N) or (N, 1).
 * @example
 * const { output, targets } = allOutputs(network, ds); // then head.metrics(output, targets) (not run: needs a network and a dataset)
 */
export function allOutputs(
  network: Network,
  ds: Dataset,
  chunk = 1000,
): { output: Tensor; targets: Int32Array | Tensor } {
  const k = network.config.outputSize;
  const out = new Float64Array(ds.count * k);
  const cls = ds.target.kind === 'class';
  const width = cls ? 1 : ds.target.kind === 'value' ? ds.target.width : 1;
  const t = new Float64Array(ds.count * width);
  const labels = new Int32Array(cls ? ds.count : 0);
  const indices = new Int32Array(chunk);
  for (let start = 0; start < ds.count; start += chunk) {
    const n = Math.min(chunk, ds.count - start);
    for (let i = 0; i < n; i++) indices[i] = start + i;
    const x = zeros([n, ds.features], { dtype: network.config.dtype });
    const tb = cls ? new Int32Array(n) : zeros([n, width], { dtype: network.config.dtype });
    ds.fillBatch(indices, n, x, tb);
    out.set(network.predict(x, false).data, start * k);
    if (tb instanceof Int32Array) labels.set(tb, start);
    else t.set(tb.data, start * width);
  }
  return {
    output: fromArray(out, [ds.count, k], { dtype: 'float64' }),
    targets: cls ? labels : fromArray(t, [ds.count, width], { dtype: 'float64' }),
  };
}
