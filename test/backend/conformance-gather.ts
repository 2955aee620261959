import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Backend, DType } from '../../src/backend/backend.js';
import { fillImageBatch } from '../../src/data/dataset.js';
import { createRng } from '../../src/tensor/rng.js';

/**
 * The optional gatherBytesRows kernel against fillImageBatch, the JS loop it replaces:
 * bit-identical for divisors 255 and 1, rows of odd widths, repeated and unordered indices.
 */
export function gatherConformance(getCand: () => Backend, dtype: DType): void {
  it('gatherBytesRows (when present) fills a batch exactly as fillImageBatch does', (t) => {
    const cand = getCand();
    if (!cand.gatherBytesRows || !cand.allocBytes) {
      t.skip('the backend has no gatherBytesRows');
      return;
    }
    const rng = createRng(31);
    for (const cols of [1, 5, 16, 17, 33, 784]) {
      const count = 60;
      const pixels = Uint8Array.from({ length: count * cols }, () =>
        rng.next() < 0.5 ? 0 : rng.int(256),
      );
      const src = cand.allocBytes(pixels.length);
      src.data.set(pixels);
      const ds = {
        images: pixels,
        labels: new Uint8Array(count),
        count,
        rows: 1,
        cols,
        classes: 10,
      };
      const indices = Int32Array.from({ length: 37 }, () => rng.int(count));
      for (const divisor of [255, 1]) {
        const out = cand.alloc(dtype, 37 * cols);
        cand.gatherBytesRows(src, cols, indices, 37, divisor, out);
        const want =
          dtype === 'float32' ? new Float32Array(37 * cols) : new Float64Array(37 * cols);
        fillImageBatch(ds, indices, 37, want, divisor === 255);
        assert.deepEqual(
          [...out.data],
          [...want],
          `gatherBytesRows ${dtype} cols=${cols} divisor=${divisor}`,
        );
        cand.release(out);
      }
      cand.releaseBytes?.(src);
    }
  });
}
