import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

/** Every .ts file under dir, recursively. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

test('the playground imports the library only through its public entry (gradlab)', () => {
  const deep: string[] = [];
  for (const file of sources('web/src')) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/from\s+'([^']+)'/g)) {
      const spec = m[1]!;
      if (spec.includes('/src/') || spec.startsWith('../')) deep.push(`${file}: ${spec}`);
    }
  }
  assert.deepEqual(deep, []);
  assert.ok(sources('web/src').length > 5, 'found the playground sources');
});
