import type { Command } from 'commander';
import Papa from 'papaparse';
import type { Cell } from '../data/table-cells.js';
import { writeFileAtomic } from '../platform/node/atomic-write.js';
import { NAMED_TABLES } from '../platform/node/npm-tables.js';
import { UsageError } from './cli-error.js';

/**
 * Registers `gradlab data [name] [--out FILE]`: lists the named data sets (iris, cars,
 * unemployment) with their sources and licences, or writes one as CSV (stdout by default), so the
 * same rows can be trained on as `--data FILE.csv`.
 */
export function registerDataCommand(program: Command): Command {
  return program
    .command('data')
    .description('list the named tables (iris, cars, unemployment) or write one as CSV')
    .argument('[name]', Object.keys(NAMED_TABLES).join(', '))
    .option('--out <file>', 'write the CSV here (default: stdout)')
    .action(async (name: string | undefined, flags: { out?: string }) => {
      if (name === undefined) {
        for (const t of Object.values(NAMED_TABLES)) {
          console.log(`${t.name.padEnd(13)} target ${t.target}, head ${t.head}: ${t.description}`);
        }
        return;
      }
      const table = NAMED_TABLES[name];
      if (table === undefined) {
        throw new UsageError(
          `data: no table '${name}'; expected one of ${Object.keys(NAMED_TABLES).join(', ')}`,
        );
      }
      let fields: string[] = [];
      const data: Cell[][] = [];
      await table.rows().read(
        (header) => (fields = header),
        (cells) => void data.push(cells),
      );
      const text = Papa.unparse({ fields, data }, { newline: '\n' }) + '\n';
      if (flags.out === undefined) process.stdout.write(text);
      else {
        writeFileAtomic(flags.out, text);
        console.log(`${data.length} rows of ${name} written to ${flags.out}`);
      }
    });
}
