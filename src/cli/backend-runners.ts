import type { Backend } from '../backend/backend.js';
import { createJsBackend } from '../backend/js/js-backend.js';
import { setBackend } from '../backend/registry.js';
import { createWasmBackendSync } from '../backend/wasm/wasm-backend.js';
import type { BackendRunner } from '../experiments/experiment.js';

/** A runner that makes `backend` active for the length of one call, then restores the previous one. */
function runnerFor(name: string, backend: Backend): BackendRunner {
  return {
    name,
    use<T>(fn: () => T): T {
      const previous = setBackend(backend);
      try {
        return fn();
      } finally {
        setBackend(previous);
      }
    },
  };
}

/**
 * The CLI's backends as runners, for experiments that compare them (wasm first, then the js
 * reference), each backend created anew for the call.
 * @example backendRunners().map((r) => r.name) // ['wasm', 'js']
 */
export function backendRunners(): readonly BackendRunner[] {
  return [runnerFor('wasm', createWasmBackendSync()), runnerFor('js', createJsBackend())];
}
