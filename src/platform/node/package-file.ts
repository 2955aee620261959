import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The text of a file shipped in the gradlab package (e.g. 'python/train.py'), found from this
 * module's location whether it runs from src/ (tsx) or dist/src/ (the built package).
 * @example packageFileText('python/model.py').startsWith('"""'); // true
 */
export function packageFileText(relative: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, relative);
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate))
      return readFileSync(candidate, 'utf8');
    const up = dirname(dir);
    if (up === dir) throw new Error(`packageFileText: ${relative} is not in the gradlab package`);
    dir = up;
  }
}
