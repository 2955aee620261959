import type { ExpressionNode } from '../numerical/expression.js';
import { add } from './add.js';
import { div } from './div.js';
import { exp } from './exp.js';
import { GraphError } from './graph-error.js';
import { log } from './log.js';
import { mul } from './mul.js';
import { neg } from './neg.js';
import { pow } from './pow.js';
import { sub } from './sub.js';
import { tanh } from './tanh.js';
import { cos, sin } from './trig.js';
import { Variable } from './variable.js';

/** A parsed expression built from Variables: its inputs by name and its output. */
export interface ExpressionGraph {
  /** One leaf Variable per name, named after it. */
  readonly inputs: Readonly<Record<string, Variable>>;
  /** The expression's value, named 'y'. */
  readonly output: Variable;
}

/**
 * Builds a parsed arithmetic expression (parseExpression's tree) out of graph functions, with
 * one named Variable per input value: + − × ÷ become Add, Sub, Mul, Div; a constant power Pow
 * (a power whose exponent holds a variable becomes exp(b · log a)); sin cos tan exp log sqrt tanh
 * their nodes (tan as sin/cos, sqrt as the power ½). abs has no derivative at 0 and is refused.
 * Numbers stay constants (no gradient). Then backward gives ∂y/∂input for every input.
 * Shapes: scalars. Book: ch05's graphs of arithmetic (§5.1–5.2), typed as text.
 * @example
 * const g = expressionGraph(parseExpression('a * b', ['a', 'b']), { a: 100, b: 2 });
 * g.output.item();  // 200
 */
export function expressionGraph(
  node: ExpressionNode,
  values: Readonly<Record<string, number>>,
): ExpressionGraph {
  const inputs: Record<string, Variable> = {};
  for (const [name, value] of Object.entries(values)) inputs[name] = new Variable(value, { name });
  const constant = (value: number): Variable => new Variable(value, { name: String(value) });
  const build = (n: ExpressionNode): Variable => {
    switch (n.kind) {
      case 'number':
        return constant(n.value);
      case 'variable': {
        const v = inputs[n.name];
        if (v === undefined)
          throw new GraphError(
            `expression: no value for '${n.name}' (give it with --at ${n.name}=…)`,
          );
        return v;
      }
      case 'negate':
        return neg(build(n.arg));
      case 'call':
        return call(n.fn, build(n.arg));
      case 'binary': {
        if (n.op === '^') {
          const base = build(n.left);
          return n.right.kind === 'number'
            ? pow(base, n.right.value)
            : exp(mul(build(n.right), log(base)));
        }
        const a = build(n.left);
        const b = build(n.right);
        return n.op === '+'
          ? add(a, b)
          : n.op === '-'
            ? sub(a, b)
            : n.op === '*'
              ? mul(a, b)
              : div(a, b);
      }
    }
  };
  const output = build(node);
  // A bare input or number is its own output: wrap it so the figure has a node and y a name.
  const y = output.creator === null ? mul(output, 1) : output;
  y.name = 'y';
  return { inputs, output: y };
}

function call(fn: string, x: Variable): Variable {
  switch (fn) {
    case 'sin':
      return sin(x);
    case 'cos':
      return cos(x);
    case 'tan':
      return div(sin(x), cos(x));
    case 'exp':
      return exp(x);
    case 'log':
      return log(x);
    case 'sqrt':
      return pow(x, 0.5);
    case 'tanh':
      return tanh(x);
    default:
      throw new GraphError(
        `expression: ${fn} is not differentiable everywhere and has no graph node; use sin cos tan exp log sqrt tanh`,
      );
  }
}
