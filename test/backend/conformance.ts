import { before, describe } from 'node:test';
import type { Backend, DType } from '../../src/backend/backend.js';
import { createJsBackend } from '../../src/backend/js/js-backend.js';
import { elementwiseConformance } from './conformance-elementwise.js';
import { gatherConformance } from './conformance-gather.js';
import { gemmConformance } from './conformance-gemm.js';
import { rowsConformance } from './conformance-rows.js';
import { sparseConformance } from './conformance-sparse.js';

/**
 * The conformance suite every backend runs: each kernel against the JS backend computing in
 * float64 on the same inputs, for both dtypes, on sizes that are not multiples of the SIMD
 * width, every gemm transpose pair with accumulate on and off, outputs aliasing inputs, and the
 * sparse-row products against dense gemm.
 * Tolerances: float32 within 1e-5 relative (of the reference rounded to float32), float64
 * within 1e-12; products and sums are measured against Σ|terms| (see conformance-helpers.ts).
 * @example
 * runBackendConformance('wasm', () => createWasmBackend());
 */
export function runBackendConformance(name: string, make: () => Backend | Promise<Backend>): void {
  describe(`${name} backend conformance`, () => {
    let cand: Backend | undefined;
    const ref = createJsBackend();
    const getCand = (): Backend => {
      if (!cand) throw new Error(`${name} backend was not created`);
      return cand;
    };
    before(async () => {
      cand = await make();
    });
    for (const dtype of ['float32', 'float64'] as const satisfies readonly DType[]) {
      describe(dtype, () => {
        gemmConformance(getCand, ref, dtype);
        elementwiseConformance(getCand, ref, dtype);
        rowsConformance(getCand, ref, dtype);
        gatherConformance(getCand, dtype);
        sparseConformance(getCand, ref, dtype);
      });
    }
  });
}
