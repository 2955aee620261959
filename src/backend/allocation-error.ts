/**
 * A backend could not allocate a tensor's storage: more elements than a typed array may hold,
 * more memory than the engine grants, or WebAssembly memory past its 4 GiB limit. Usually a
 * network or batch far larger than intended (say a hidden size of 10⁸); the message gives the
 * size asked for.
 * @example
 * try { zeros([1e6, 1e6]); } catch (e) { e instanceof AllocationError; } // true
 */
export class AllocationError extends Error {
  override readonly name = 'AllocationError';
}

/** A byte count for messages: bytes, MiB or GiB. */
export function formatByteSize(n: number): string {
  if (n >= 2 ** 30) return `${(n / 2 ** 30).toFixed(1)} GiB`;
  if (n >= 2 ** 20) return `${(n / 2 ** 20).toFixed(1)} MiB`;
  return `${n} bytes`;
}
