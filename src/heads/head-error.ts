/**
 * A bad argument to a head: an output of the wrong width, an unknown head name, a bad scale.
 * @example headFor('normal'); // → throws HeadError
 */
export class HeadError extends Error {
  override readonly name = 'HeadError';
}

/**
 * A target outside the head's support (a fractional count for poisson, a 2 for bernoulli, an
 * unknown class), with the 0-based row and column, so that a reader can name the file's line.
 * @example
 * HEADS.poisson.checkTarget(tensor([[1], [2.5]]), 1); // → throws TargetError: poisson head: target row 1, column 0: expected a count (an integer ≥ 0), found 2.5
 */
export class TargetError extends Error {
  override readonly name = 'TargetError';

  constructor(
    head: string,
    readonly row: number,
    readonly column: number,
    expected: string,
    readonly value: number,
  ) {
    super(
      `${head} head: target row ${row}, column ${column}: expected ${expected}, found ${value}`,
    );
  }
}
