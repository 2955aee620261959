import type { TableMeta } from '../data/table-meta.js';
import { headFor, type Head } from '../heads/index.js';

/**
 * The head a table model was saved with, at its fitted scale when it has one (σ̂ or b̂), so that
 * nll and samples use the noise the training rows showed rather than the default 1.
 * @example
 * savedHead({ target: 'y', features: ['x'], head: 'gaussian', scale: 3.9, scaling: { mean: [0], std: [1] } }).scale; // 3.9
 */
export function savedHead(meta: TableMeta): Head {
  const head = headFor(meta.head);
  return meta.scale !== undefined && head.withScale !== undefined
    ? head.withScale(meta.scale)
    : head;
}
