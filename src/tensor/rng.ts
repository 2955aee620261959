/**
 * A seeded pseudo-random generator: every random number in gradlab comes from one of these.
 *
 * Algorithm: xoshiro128** (Blackman & Vigna) over four 32-bit words, seeded by splitmix32 from
 * the integer seed. Floats in [0, 1) use 53 random bits; normals use the Box–Muller transform.
 * The whole state is four integers plus one cached normal, so it can be saved in a checkpoint
 * and restored to continue the exact same stream.
 *
 * Book: the book calls np.random.randn / np.random.choice (unseeded); gradlab makes the seed explicit.
 * @example
 * const rng = createRng(42);
 * rng.next();      // 0.… (same every run)
 * rng.int(10);     // an integer in [0, 10)
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** A standard normal sample N(0, 1). */
  normal(): number;
  /** k indices in [0, n) drawn with replacement (np.random.choice(n, k)), written into `out` if given. */
  choice(n: number, k: number, out?: Int32Array): Int32Array;
  /** A random permutation of 0..n-1 (Fisher–Yates), written into `out` if given. */
  permutation(n: number, out?: Int32Array): Int32Array;
  /** Shuffles `a` in place (Fisher–Yates). */
  shuffleInPlace(a: Int32Array): Int32Array;
  /** The full state, to save in a checkpoint. */
  getState(): RngState;
  /** Restores a state returned by getState(). */
  setState(state: RngState): void;
}

/** The serialisable state of an Rng. */
export interface RngState {
  readonly s: readonly [number, number, number, number];
  readonly spareNormal: number | null;
}

function splitmix32(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/**
 * Creates a generator from an integer seed (any safe integer; the same seed gives the same stream).
 * Book: np.random.seed(seed), but local to one generator instead of global.
 * @example createRng(7).int(10) === createRng(7).int(10); // → true
 */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`createRng: seed must be a safe integer, got ${seed}`);
  }
  // The low 32 bits seed one splitmix32 stream; any high bits (seeds ≥ 2³² or < 0) seed a second
  // one mixed in, so that such seeds get their own streams (folding high ^ low made 2³² + 1 and −1
  // collide with 0) while seeds in [0, 2³²) keep the streams they always had. The constant keeps
  // the two streams apart when the high and low words are equal (they would cancel to 0).
  const high = Math.floor(seed / 0x100000000);
  const sm = splitmix32(seed >>> 0);
  const mix = high === 0 ? () => 0 : splitmix32((high ^ 0x5bd1e995) >>> 0);
  const s = new Uint32Array(4);
  for (let i = 0; i < 4; i++) s[i] = sm() ^ mix();
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1; // the all-zero state is a fixed point
  let spare: number | null = null;

  const nextU32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s[1], 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1] << 9) >>> 0;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  };

  const next = (): number => {
    // 53 bits: 27 high bits of one word and 26 of the next, as in common double generators.
    const a = nextU32() >>> 5;
    const b = nextU32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  };

  const int = (n: number): number => {
    if (!Number.isInteger(n) || n <= 0) {
      throw new RangeError(`Rng.int: n must be a positive integer, got ${n}`);
    }
    return Math.floor(next() * n);
  };

  const rng: Rng = {
    next,
    int,
    normal(): number {
      if (spare !== null) {
        const v = spare;
        spare = null;
        return v;
      }
      let u = 0;
      while (u === 0) u = next(); // log(0) guard
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    choice(n: number, k: number, out?: Int32Array): Int32Array {
      const res = out ?? new Int32Array(k);
      if (res.length < k)
        throw new RangeError(`Rng.choice: out has ${res.length} slots, need ${k}`);
      for (let i = 0; i < k; i++) res[i] = int(n);
      return res;
    },
    permutation(n: number, out?: Int32Array): Int32Array {
      const res = out ?? new Int32Array(n);
      for (let i = 0; i < n; i++) res[i] = i;
      return rng.shuffleInPlace(res.length === n ? res : res.subarray(0, n));
    },
    shuffleInPlace(a: Int32Array): Int32Array {
      for (let i = a.length - 1; i > 0; i--) {
        const j = int(i + 1);
        const tmp = a[i];
        a[i] = a[j];
        a[j] = tmp;
      }
      return a;
    },
    getState(): RngState {
      return { s: [s[0], s[1], s[2], s[3]], spareNormal: spare };
    },
    setState(state: RngState): void {
      for (let i = 0; i < 4; i++) s[i] = state.s[i] >>> 0;
      spare = state.spareNormal;
    },
  };
  return rng;
}
