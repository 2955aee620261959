/**
 * A network got a configuration or parameters it cannot use: a size that is not a positive
 * integer, an unknown activation or weight init, saved parameters whose names or shapes do not
 * fit. The message names the network, the argument, what was expected and what was found.
 * @example
 * try { new TwoLayerNet(0, 50, 10); } catch (e) { e instanceof ModelError; } // true
 */
export class ModelError extends Error {
  override readonly name = 'ModelError';
}

/**
 * `value` when it is a positive integer, else a ModelError naming the size.
 * @example checkSize('TwoLayerNet', 'hiddenSize', 1.5); // → throws ModelError: TwoLayerNet: hiddenSize must be a positive integer, got 1.5
 */
export function checkSize(where: string, name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new ModelError(`${where}: ${name} must be a positive integer, got ${String(value)}`);
  }
  return value;
}
