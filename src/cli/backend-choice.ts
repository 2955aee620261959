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
 * only entry points choose the backend).
 */
export async function useBackend(name: BackendName): Promise<string> {
  if (name === 'js') {
    setBackend(createJsBackend());
    return 'js';
  }
  throw new UsageError(`backend '${name}' is not available in this build; use --backend js`);
}
