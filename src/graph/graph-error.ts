/**
 * Misuse of the computational graph: backward on a non-scalar without a seed, a seed of the wrong
 * shape, a function's backward before its forward, an operand that is not a number, Tensor or
 * Variable. The message says what, where and what was expected.
 * @example new GraphError('Mul.backward called before forward').name  // 'GraphError'
 */
export class GraphError extends Error {
  override readonly name = 'GraphError';
}
