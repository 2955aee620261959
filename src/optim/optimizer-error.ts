/**
 * A bad optimizer hyperparameter (a negative or non-finite learning rate, a decay outside [0, 1)),
 * a gradient missing for a parameter, or a state that does not fit the parameters.
 * @example
 * try { new SGD({ learningRate: -1 }); } catch (e) { e instanceof OptimizerError; } // true
 */
export class OptimizerError extends Error {
  override readonly name = 'OptimizerError';
}

/**
 * Checks a learning rate: a finite number ≥ 0 (0 freezes the parameters, which is legal).
 * Returns it unchanged so that constructors and setters can assign the result.
 */
export function checkLearningRate(optimizer: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new OptimizerError(
      `${optimizer}: learningRate must be a finite number ≥ 0, got ${String(value)}`,
    );
  }
  return value;
}

/** Checks a decay or momentum coefficient: a number in [0, 1). */
export function checkCoefficient(optimizer: string, name: string, value: number): number {
  if (typeof value !== 'number' || !(value >= 0 && value < 1)) {
    throw new OptimizerError(
      `${optimizer}: ${name} must be a number in [0, 1), got ${String(value)}`,
    );
  }
  return value;
}
