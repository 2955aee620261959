import { defaultHead } from '../data/default-head.js';
import { readTable } from '../data/read-table.js';
import type { RowSource } from '../data/row-source.js';
import { TableError } from '../data/table-error.js';
import { HEAD_NAMES, HEADS, type HeadName } from '../heads/index.js';
import { checkTableSupport } from './table-support.js';

/** What a table offers for one target column: its size and the heads that can model it. */
export interface TableHeads {
  /** The header's column names, in order. */
  readonly columns: readonly string[];
  readonly rows: number;
  readonly features: number;
  /** The heads whose support holds every target, in HEADS order. */
  readonly heads: readonly HeadName[];
  /** The head trainingTable picks without one given (defaultHead). */
  readonly defaultHead: HeadName;
}

/**
 * Reads a table for the target `target` (every other column a feature) and lists the heads
 * that can model it: categorical when the values are at most 1000 class names, and each
 * real-valued head (gaussian, laplace, bernoulli, poisson, …) whose support holds every target.
 * A bad feature cell, a ragged row or a header without rows is the TableError that training
 * would give.
 * @example
 * const text = 'x,y\n1,0\n2,1\n3,1\n';
 * (await tableHeads(csvTextRows('a.csv', text), 'y')).heads; // → ['categorical', 'bernoulli', 'gaussian', 'gaussian-variance', 'laplace', 'poisson']
 */
export async function tableHeads(source: RowSource, target: string): Promise<TableHeads> {
  let classes = false;
  const { table, columns, summary, lines } = await readTable(
    source,
    target,
    undefined,
    (s, cols) => {
      classes = s.classes !== null;
      if (!s.numericTarget && s.classes === null) {
        throw new TableError(
          source.name,
          null,
          cols.header[cols.target],
          'over 1000 distinct values that are not numbers: neither class labels nor numbers',
        );
      }
      return s.numericTarget ? { kind: 'value' } : { kind: 'class', names: s.classes ?? [] };
    },
  );
  const name = columns.header[columns.target];
  const heads = HEAD_NAMES.filter((h) => {
    const head = HEADS[h];
    if (head.targetKind === 'class') return classes;
    if (!summary.numericTarget) return false;
    try {
      checkTableSupport(source.name, head, table, lines, name);
      return true;
    } catch (e) {
      if (e instanceof TableError) return false;
      throw e;
    }
  });
  return {
    columns: columns.header,
    rows: table.count,
    features: table.features,
    heads,
    defaultHead: defaultHead(summary),
  };
}
