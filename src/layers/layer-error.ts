/**
 * A layer or loss layer got input it cannot use: a shape or dtype that does not fit its
 * parameters, labels outside 0..C−1, a dropout ratio outside [0, 1). The message names the layer,
 * the argument, what was expected and what was found.
 * @example
 * try { new Dropout(1.5); } catch (e) { e instanceof LayerError; } // true
 */
export class LayerError extends Error {
  override readonly name = 'LayerError';
}
