/**
 * Thrown when a loss receives input it cannot score: mismatched shapes, a label outside 0..C−1,
 * a one-hot row that is not one-hot, an unknown reduction, an option out of range.
 *
 * The message names the function or class and the argument, what was expected and what was found.
 * @example
 * huberLoss([1], [2], { delta: 0 }); // → throws LossInputError: huberLoss: options.delta: expected a finite number > 0, found 0
 */
export class LossInputError extends Error {
  override readonly name = 'LossInputError';
  /** The function or class (and method) that rejected the input, e.g. 'MSELoss.forward'. */
  readonly where: string;

  constructor(where: string, what: string, expected: string, found: string) {
    super(`${where}: ${what}: expected ${expected}, found ${found}`);
    this.where = where;
  }
}
