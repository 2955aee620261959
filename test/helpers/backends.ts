/**
 * The backends a test body runs on (js, the reference; wasm, the SIMD kernels users get by
 * default), as TensorFlow.js runs each test in ALL_ENVS. Two forms:
 * - `forEachBackend(() => { test(…) })` registers whole tests once per backend, each copy in a
 *   `describe` named after the backend, with that backend active while its tests run (layers,
 *   models, training);
 * - `onEachBackend((name) => …)` runs a body on each backend inside one test (graph tests).
 * Tensors keep the backend they were made on, so a body creates its tensors inside its tests.
 */
import { after, before, describe } from 'node:test';
import type { Backend } from '../../src/backend/backend.js';
import { createJsBackend } from '../../src/backend/js/js-backend.js';
import { setBackend } from '../../src/backend/registry.js';
import { createWasmBackendSync } from '../../src/backend/wasm/wasm-backend.js';
import type { DType } from '../../src/tensor/tensor.js';

/** The backends every graph test runs on, made once. */
export const BACKENDS: readonly { name: string; make: () => Backend }[] = (() => {
  const js = createJsBackend();
  const wasm = createWasmBackendSync();
  return [
    { name: 'js', make: () => js },
    { name: 'wasm', make: () => wasm },
  ];
})();

/** Runs `body` with each backend active, restoring the previous one afterwards. */
export function onEachBackend(body: (backend: string) => void): void {
  for (const b of BACKENDS) {
    const previous = setBackend(b.make());
    try {
      body(b.name);
    } finally {
      setBackend(previous);
    }
  }
}

/** onEachBackend for an async body: one backend at a time, restored afterwards. */
export async function onEachBackendAsync(body: (backend: string) => Promise<void>): Promise<void> {
  for (const b of BACKENDS) {
    const previous = setBackend(b.make());
    try {
      await body(b.name);
    } finally {
      setBackend(previous);
    }
  }
}

/** The dtypes a numeric test body runs in: float64 (NumPy's, tight tolerances) and float32. */
export const DTYPES: readonly DType[] = ['float64', 'float32'];

/**
 * Registers `body` once per backend, each copy in `describe(name)`. The backend is active while
 * the body registers its tests (so tensors it makes at its top level live on that backend) and,
 * through `before`/`after` hooks, while they run; the previous backend is put back after each.
 */
export function forEachBackend(body: (backend: string) => void): void {
  for (const b of BACKENDS) {
    describe(b.name, () => {
      let previous: Backend | undefined;
      before(() => {
        previous = setBackend(b.make());
      });
      after(() => {
        if (previous !== undefined) setBackend(previous);
      });
      const outer = setBackend(b.make());
      try {
        body(b.name);
      } finally {
        setBackend(outer);
      }
    });
  }
}
