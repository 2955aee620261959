import type { Backend } from './backend.js';
import { createJsBackend } from './js/js-backend.js';

/**
 * The active backend. Only entry points (the CLI, the web worker, tests) choose it; everything
 * else calls `getBackend()` through the tensor ops. Tensors keep the storage of the backend that
 * was active when they were made, so choose the backend before creating tensors.
 */
let active: Backend = createJsBackend();

/** The backend that tensor ops run on. */
export function getBackend(): Backend {
  return active;
}

/** Makes `backend` the active one and returns the previous one. */
export function setBackend(backend: Backend): Backend {
  const previous = active;
  active = backend;
  return previous;
}
