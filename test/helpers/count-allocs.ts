import type { Backend } from '../../src/backend/backend.js';
import { getBackend, setBackend } from '../../src/backend/registry.js';

/**
 * Runs `body` with the active backend wrapped so that every storage allocation is counted, and
 * returns the count (the backend is restored afterwards, even on error).
 */
export function countAllocations(body: () => void): number {
  const inner = getBackend();
  let count = 0;
  const counting: Backend = {
    ...inner,
    alloc: (dtype, length) => {
      count++;
      return inner.alloc(dtype, length);
    },
  };
  setBackend(counting);
  try {
    body();
  } finally {
    setBackend(inner);
  }
  return count;
}
