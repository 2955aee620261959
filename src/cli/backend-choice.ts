import { createJsBackend } from '../backend/js/js-backend.js';
import { setBackend } from '../backend/registry.js';
import { UsageError } from './cli-error.js';

/** The backends the CLI offers. */
export const BACKEND_NAMES = ['wasm', 'js'] as const;

/** A CLI backend name. */
export type BackendName = (typeof BACKEND_NAMES)[number];

/** The default backend: js until the WASM backend lands. */
export const DEFAULT_BACKEND: BackendName = 'js';

/**
 * Makes the named backend the active one, before any tensor is created (STYLE principle 3:
 * only entry points choose the backend). Returns the backend's name. The WASM module is
 * loaded only when asked for; an engine without WebAssembly SIMD gets a one-line error.
 */
export async function useBackend(name: BackendName): Promise<string> {
  if (name === 'js') {
    setBackend(createJsBackend());
    return 'js';
  }
  let create: () => Promise<import('../backend/backend.js').Backend>;
  try {
    ({ createWasmBackend: create } = await import('../backend/wasm/wasm-backend.js'));
  } catch {
    throw new UsageError(`backend '${name}' is not available in this build; use --backend js`);
  }
  const backend = await create();
  setBackend(backend);
  return backend.name;
}
