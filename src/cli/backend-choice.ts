import { createJsBackend } from '../backend/js/js-backend.js';
import { setBackend } from '../backend/registry.js';

/** The backends the CLI offers. */
export const BACKEND_NAMES = ['wasm', 'js'] as const;

/** A CLI backend name. */
export type BackendName = (typeof BACKEND_NAMES)[number];

/** The default backend: WebAssembly SIMD (about 10× the JS reference on a training step). */
export const DEFAULT_BACKEND: BackendName = 'wasm';

/**
 * Makes the named backend the active one, before any tensor is created (only entry points
 * choose the backend; layers and models never see it). Returns the backend's name. The WASM module is
 * loaded only when asked for; an engine without WebAssembly SIMD gets a WasmBackendError
 * (one line: it names --backend js as the way out).
 */
export async function useBackend(name: BackendName): Promise<string> {
  if (name === 'js') {
    setBackend(createJsBackend());
    return 'js';
  }
  const { createWasmBackend } = await import('../backend/wasm/wasm-backend.js');
  const backend = await createWasmBackend();
  setBackend(backend);
  return backend.name;
}
