import {
  buyAppleOrange,
  compileExpression,
  describeGraph,
  expressionGraph,
  formatValue,
  numericalDiff,
  parseExpression,
  type GraphDescription,
  type GraphVariableInfo,
  type Variable,
} from 'gradlab';

/** The book's apple–orange inputs (buy_apple_orange.py) in the order the panel shows them. */
export const APPLE_ORANGE: readonly (readonly [string, number])[] = [
  ['apple', 100],
  ['apple_num', 2],
  ['orange', 150],
  ['orange_num', 3],
  ['tax', 1.1],
];

/** One backward step at a function node: upstream × local = downstream for each input. */
export interface BackwardStep {
  readonly fn: string;
  readonly output: string;
  readonly upstream: number;
  readonly inputs: readonly {
    readonly id: string;
    readonly local: number;
    readonly downstream: number;
  }[];
}

/** A graph ready to draw: the description after forward and backward, and backward's order. */
export interface GraphModel {
  readonly description: GraphDescription;
  /** The output variable's id. */
  readonly output: string;
  /** Function nodes in the order backward visits them (highest generation first). */
  readonly steps: readonly BackwardStep[];
  /** Each input's gradient: backprop against the central difference. */
  readonly check: readonly {
    readonly name: string;
    readonly backprop: number;
    readonly numerical: number;
  }[];
  /** The output Variable (its graph gives the DOT layout). */
  readonly y: Variable;
}

const scalar = (v: GraphVariableInfo, key: 'value' | 'grad'): number => {
  const x = v[key];
  return typeof x === 'number' ? x : Number.NaN;
};

/** Backward's order over a description, with each node's local gradients. */
function backwardSteps(d: GraphDescription): BackwardStep[] {
  const vars = new Map(d.variables.map((v) => [v.id, v]));
  const consumers = new Map<string, number>();
  for (const e of d.edges)
    if (e.to.startsWith('f')) consumers.set(e.from, (consumers.get(e.from) ?? 0) + 1);
  return [...d.functions]
    .sort((a, b) => b.generation - a.generation)
    .map((f) => {
      const out = d.edges.find((e) => e.from === f.id)!.to;
      const ins = d.edges.filter((e) => e.to === f.id).map((e) => e.from);
      const upstream = scalar(vars.get(out)!, 'grad');
      return {
        fn: f.name,
        output: out,
        upstream,
        inputs: ins.map((id, i) => {
          const downstream = scalar(vars.get(id)!, 'grad');
          // Mul's local gradient is the other input (it swaps them); Add passes 1 through.
          const local =
            f.name === 'Mul' && ins.length === 2
              ? scalar(vars.get(ins[1 - i]!)!, 'value')
              : f.name === 'Add'
                ? 1
                : (consumers.get(id) ?? 1) === 1 && upstream !== 0
                  ? downstream / upstream
                  : Number.NaN;
          return { id, local, downstream };
        }),
      };
    });
}

/** The book's apple–orange graph for these inputs, after forward and backward. */
export function appleOrangeModel(values: Readonly<Record<string, number>>): GraphModel {
  const v = (name: string): number => values[name] ?? 0;
  const g = buyAppleOrange(v('apple'), v('apple_num'), v('orange'), v('orange_num'), v('tax'));
  const price = (x: Readonly<Record<string, number>>): number =>
    buyAppleOrange(x.apple!, x.apple_num!, x.orange!, x.orange_num!, x.tax!).price.data.data[0]!;
  const check = APPLE_ORANGE.map(([name]) => ({
    name,
    backprop: g.variables[name]!.grad!.data.data[0]!,
    numerical: numericalDiff((s) => price({ ...values, [name]: s }), v(name)),
  }));
  const description = describeGraph(g.price);
  return {
    description,
    output: description.variables[0]!.id,
    steps: backwardSteps(description),
    check,
    y: g.price,
  };
}

/** A typed expression's graph at the given input values, after forward and backward. */
export function expressionModel(
  text: string,
  values: Readonly<Record<string, number>>,
): GraphModel {
  const names = Object.keys(values);
  const { inputs, output } = expressionGraph(parseExpression(text, names), values);
  output.backward({ retainGrad: true });
  const f = compileExpression(text, names);
  const check = names.map((name, i) => ({
    name,
    backprop: inputs[name]!.grad?.data.data[0] ?? 0,
    numerical: numericalDiff(
      (s) => f(names.map((n, j) => (j === i ? s : values[n]!))),
      values[name]!,
    ),
  }));
  const description = describeGraph(output);
  return {
    description,
    output: description.variables[0]!.id,
    steps: backwardSteps(description),
    check,
    y: output,
  };
}

/**
 * Input values from text such as 'x=2, y=3' (names are identifiers; each value a number).
 * @example parseValues('x=2, y=-1.5'); // { x: 2, y: -1.5 }
 */
export function parseValues(text: string): Record<string, number> {
  const values: Record<string, number> = {};
  for (const part of text.split(/[,;\s]+/).filter(Boolean)) {
    const m = /^([A-Za-z_]\w*)=(.+)$/.exec(part);
    const value = m ? Number(m[2]) : NaN;
    if (!m || !Number.isFinite(value))
      throw new Error(`values: '${part}' is not name=number (e.g. x=2, y=3)`);
    values[m[1]!] = value;
  }
  return values;
}

/** A number as the graph shows it: 6 significant digits (715.0000000000001 → 715). */
export const show = (x: number): string => (Number.isNaN(x) ? '–' : formatValue(x, [], 6));
