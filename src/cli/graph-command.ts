import { Command, InvalidArgumentError, Option } from 'commander';
import { formatValue } from '../graph/dot-graph.js';
import { expressionGraph } from '../graph/expression-graph.js';
import { buyApple, buyAppleOrange, type ShoppingGraph } from '../graph/shopping.js';
import type { Variable } from '../graph/variable.js';
import '../graph/methods.js';
import { parseExpression } from '../numerical/expression.js';
import { plotDotGraph, plotFileKind } from '../platform/node/plot-dot-graph.js';
import { UsageError } from './cli-error.js';

interface GraphFlags {
  at?: Record<string, number>;
  out?: string;
  example?: 'apple' | 'apple-orange';
  verbose?: boolean;
}

/** The book's printed lines of each shopping example: label and variable (buy_apple*.py). */
const EXAMPLES = {
  apple: {
    build: () => buyApple(),
    lines: [
      ['price', 'price'],
      ['dApple', 'apple'],
      ['dApple_num', 'apple_num'],
      ['dTax', 'tax'],
    ],
  },
  'apple-orange': {
    build: () => buyAppleOrange(),
    lines: [
      ['price', 'price'],
      ['dApple', 'apple'],
      ['dApple_num', 'apple_num'],
      ['dOrange', 'orange'],
      ['dOrange_num', 'orange_num'],
      ['dTax', 'tax'],
    ],
  },
} as const satisfies Record<
  string,
  { build: () => ShoppingGraph; lines: readonly (readonly [string, string])[] }
>;

/**
 * `--at a=100,b=2`: the value of each input of the expression.
 * @example parseAt('a=100,b=2')  // { a: 100, b: 2 }
 */
export function parseAt(text: string): Record<string, number> {
  const values: Record<string, number> = {};
  for (const part of text.split(',')) {
    const m = /^\s*([A-Za-z_]\w*)\s*=\s*(\S+)\s*$/.exec(part);
    const v = m === null ? Number.NaN : Number(m[2]);
    if (m === null || !Number.isFinite(v)) {
      throw new InvalidArgumentError(
        `expected name=number pairs separated by commas (a=100,b=2), got '${part}'.`,
      );
    }
    if (Object.hasOwn(values, m[1])) throw new InvalidArgumentError(`'${m[1]}' is given twice.`);
    values[m[1]] = v;
  }
  return values;
}

/**
 * Registers `gradlab graph`: an arithmetic expression built from Variables (parsed by jsep,
 * never eval'd), run forward and backward; prints the value and ∂f/∂input for every input and
 * draws the computational graph with the forward values above the edges and the gradients below.
 * `--example apple | apple-orange` runs the book's shopping graphs and prints the book's lines.
 * Book: ch05 §5.1–5.4 (buy_apple.py, buy_apple_orange.py).
 */
export function registerGraphCommand(program: Command): Command {
  return program
    .command('graph')
    .description(
      'build an expression as a computational graph, print its gradients, draw it (chapter 5)',
    )
    .argument('[expression]', "arithmetic in the --at names, e.g. 'a * b + c'")
    .option('--at <values>', 'the inputs, e.g. a=100,b=2', parseAt)
    .option('--out <file>', 'write the figure: .svg, .png or .dot')
    .option('--verbose', 'show shapes, values and gradients inside the nodes too')
    .addOption(
      new Option('--example <name>', "the book's shopping graph instead of an expression").choices(
        Object.keys(EXAMPLES),
      ),
    )
    .action(async (expression: string | undefined, flags: GraphFlags) => {
      if (flags.out !== undefined) {
        try {
          plotFileKind(flags.out);
        } catch (e) {
          throw new UsageError(
            `graph: --out ${(e as Error).message.replace(/^plotDotGraph: /, '')}`,
          );
        }
      }
      const { output, lines } = build(expression, flags);
      for (const line of lines) process.stdout.write(`${line}\n`);
      if (flags.out !== undefined) {
        const { path } = await plotDotGraph(output, {
          toFile: flags.out,
          verbose: flags.verbose ?? false,
        });
        process.stdout.write(`wrote ${path}\n`);
      }
    });
}

function build(
  expression: string | undefined,
  flags: GraphFlags,
): { output: Variable; lines: string[] } {
  if (flags.example !== undefined) {
    if (expression !== undefined || flags.at !== undefined) {
      throw new UsageError('graph: give either an expression (with --at) or --example, not both');
    }
    const example = EXAMPLES[flags.example];
    const g = example.build();
    const lines = example.lines.map(([label, name]) => {
      const v = name === 'price' ? g.price : g.variables[name];
      const value = name === 'price' ? v.item() : (v.grad?.item() ?? Number.NaN);
      return `${label}: ${formatValue(value, [])}`;
    });
    return { output: g.price, lines };
  }
  if (expression === undefined) {
    throw new UsageError(
      "graph: give an expression, e.g. gradlab graph 'a * b' --at a=100,b=2, or --example apple-orange",
    );
  }
  const values = flags.at ?? {};
  const names = Object.keys(values);
  const g = expressionGraph(parseExpression(expression, names), values);
  g.output.name = 'f';
  g.output.backward({ retainGrad: true });
  const lines = [`f = ${expression}`, `f: ${g.output.item()}`];
  for (const name of names) {
    const grad = g.inputs[name].grad;
    lines.push(`∂f/∂${name}: ${grad === null ? 0 : grad.item()}`);
  }
  return { output: g.output, lines };
}
