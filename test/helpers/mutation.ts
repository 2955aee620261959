import fc from 'fast-check';

/** A random damage to a file: byte overwrites and a cut (truncation) point. */
export interface Mutation {
  readonly edits: [number, number][];
  readonly cut: number;
}

/** Up to `maxEdits` byte overwrites at random positions, and a random cut. */
export function mutationArb(maxEdits = 5): fc.Arbitrary<Mutation> {
  return fc.record({
    edits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: maxEdits }),
    cut: fc.nat(),
  });
}

/**
 * A damaged copy of `base`: truncated to between `minLength` and base.length bytes (the cut
 * picks the length), then with the edits applied (positions taken modulo the length).
 */
export function applyMutation(base: Uint8Array, m: Mutation, minLength = 0): Uint8Array {
  const length = minLength + (m.cut % (base.length - minLength + 1));
  const bytes = base.slice(0, length);
  for (const [at, v] of m.edits) if (bytes.length > 0) bytes[at % bytes.length] = v;
  return bytes;
}

/**
 * Runs a reader on damaged input: it must either succeed (then `check` validates the result)
 * or throw one of the typed errors. Any other exception is rethrown, failing the property.
 */
export function typedErrorOrValid<T>(
  read: () => T,
  errorTypes: readonly (abstract new (...args: never[]) => Error)[],
  check: (result: T) => void = () => {},
): void {
  let result: T;
  try {
    result = read();
  } catch (e) {
    if (errorTypes.some((type) => e instanceof type)) return;
    throw e;
  }
  check(result);
}

/** Concatenates byte strings. */
export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
