import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * Compiles a Vega-Lite spec and parses the result as Vega does before rendering (no rendering),
 * returning every warning or error message Vega-Lite logged.
 */
export function compileMessages(spec: TopLevelSpec): string[] {
  const messages: string[] = [];
  const logger = vega.logger(vega.Warn, undefined, (method, _level, input) => {
    messages.push(`${method}: ${(input ?? []).map(String).join(' ')}`);
  });
  vega.parse(compile(spec, { logger }).spec);
  return messages;
}

/** A loosely typed view of a spec for reading fields in assertions. */
export type Loose = { [key: string]: any };

/** The spec as a plain object, for assertions on its fields. */
export function loose(spec: TopLevelSpec): Loose {
  return spec as unknown as Loose;
}
