/**
 * A layer got input it cannot use: parameters of the wrong shape or dtype, an input or dout that
 * does not fit them, a dropout ratio outside [0, 1). The message names the layer, the argument,
 * what was expected and what was found. (Bad labels are a LossInputError: toClassIndices checks
 * them for layers and losses alike.)
 * @example
 * try { new Dropout(1.5, createRng(0)); } catch (e) { e instanceof LayerError; }  // true
 */
export class LayerError extends Error {
  override readonly name = 'LayerError';
}
