/**
 * A table file (CSV or JSON) that cannot become a data set: ragged rows, a cell that is not a
 * finite number, a missing column, an empty file, a target outside the head's support. The
 * message names the file, the line (the header is line 1) and the column, in one line.
 * @example
 * new TableError('cars.csv', 7, 'weight', "'heavy' is not a number").message;
 * // "cars.csv: line 7, column 'weight': 'heavy' is not a number"
 */
export class TableError extends Error {
  override readonly name = 'TableError';
  constructor(
    readonly source: string,
    readonly line: number | null,
    readonly column: string | null,
    message: string,
  ) {
    const where = [
      line === null ? null : `line ${line}`,
      column === null ? null : `column '${column}'`,
    ].filter((w) => w !== null);
    super(`${source}: ${where.length > 0 ? `${where.join(', ')}: ` : ''}${message}`);
  }
}
