/** The backends a test body runs on (js, the reference; wasm, the SIMD kernels). */
import type { Backend } from '../../src/backend/backend.js';
import { createJsBackend } from '../../src/backend/js/js-backend.js';
import { setBackend } from '../../src/backend/registry.js';
import { createWasmBackendSync } from '../../src/backend/wasm/wasm-backend.js';

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
