import jsep from 'jsep';

// '^' and '**' as right-associative powers above * and / (jsep's '^' is bitwise XOR by default).
jsep.removeBinaryOp('^');
jsep.addBinaryOp('^', 11, true);
jsep.addBinaryOp('**', 11, true);

/** The one-argument functions an expression may call. */
export const EXPRESSION_FUNCTIONS = {
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  abs: Math.abs,
  tanh: Math.tanh,
} as const;

/** A function name an expression may call: sin, cos, tan, exp, log, sqrt, abs, tanh. */
export type ExpressionFunction = keyof typeof EXPRESSION_FUNCTIONS;

/** A binary operator of an expression ('^' is the power, as is '**'). */
export type BinaryOperator = '+' | '-' | '*' | '/' | '^';

/** A parsed arithmetic expression: what a caller may evaluate, differentiate or build a graph from. */
export type ExpressionNode =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'negate'; readonly arg: ExpressionNode }
  | {
      readonly kind: 'binary';
      readonly op: BinaryOperator;
      readonly left: ExpressionNode;
      readonly right: ExpressionNode;
    }
  | { readonly kind: 'call'; readonly fn: ExpressionFunction; readonly arg: ExpressionNode };

/** A typed expression that is not arithmetic in the allowed names (the message says where). */
export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
}

const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E };
const SUPERSCRIPTS: Readonly<Record<string, string>> = {
  '²': '^2',
  '³': '^3',
  '⁴': '^4',
};

// Parentheses leave no trace in jsep's tree, so a grouping '(' becomes a call of GROUP: then
// (−2)^2 and −2^2 stay apart.
const GROUP = '$';

/** Unicode the book and the page print (−, ·, ×, x², …) as the ASCII that jsep reads. */
function normalise(text: string): string {
  return text
    .replace(/(^|[^\w$])\(/g, `$1${GROUP}(`)
    .replace(/[−–]/g, '-')
    .replace(/[·×]/g, '*')
    .replace(/[²³⁴]/g, (s) => SUPERSCRIPTS[s]!);
}

function isFunctionName(name: string): name is ExpressionFunction {
  return Object.hasOwn(EXPRESSION_FUNCTIONS, name);
}

function convert(
  node: jsep.Expression,
  variables: readonly string[],
  text: string,
): ExpressionNode {
  const fail = (what: string): never => {
    throw new ExpressionError(
      `expression '${text}': ${what}; expected numbers, ${variables.join(', ')}, + − * / ^, ( ) and ${Object.keys(EXPRESSION_FUNCTIONS).join(', ')}`,
    );
  };
  switch (node.type) {
    case 'Literal': {
      const value = (node as jsep.Literal).value;
      return typeof value === 'number'
        ? { kind: 'number', value }
        : fail(`'${String(value)}' is not a number`);
    }
    case 'Identifier': {
      const name = (node as jsep.Identifier).name;
      if (variables.includes(name)) return { kind: 'variable', name };
      if (name in CONSTANTS) return { kind: 'number', value: CONSTANTS[name]! };
      return fail(`unknown name '${name}'`);
    }
    case 'UnaryExpression': {
      const u = node as jsep.UnaryExpression;
      const arg = convert(u.argument, variables, text);
      if (u.operator === '-') return { kind: 'negate', arg };
      if (u.operator === '+') return arg;
      return fail(`unknown operator '${u.operator}'`);
    }
    case 'BinaryExpression': {
      const b = node as jsep.BinaryExpression;
      const op = b.operator === '**' ? '^' : b.operator;
      // jsep binds a leading minus to the base; in mathematics −x^2 is −(x^2).
      if (op === '^' && b.left.type === 'UnaryExpression') {
        const u = b.left as jsep.UnaryExpression;
        if (u.operator === '-' || u.operator === '+') {
          const power = convert({ ...b, left: u.argument }, variables, text);
          return u.operator === '-' ? { kind: 'negate', arg: power } : power;
        }
      }
      if (!['+', '-', '*', '/', '^'].includes(op)) return fail(`unknown operator '${b.operator}'`);
      return {
        kind: 'binary',
        op: op as BinaryOperator,
        left: convert(b.left, variables, text),
        right: convert(b.right, variables, text),
      };
    }
    case 'CallExpression': {
      const c = node as jsep.CallExpression;
      const name = c.callee.type === 'Identifier' ? (c.callee as jsep.Identifier).name : '';
      if (name === GROUP && c.arguments.length === 1)
        return convert(c.arguments[0]!, variables, text);
      if (!isFunctionName(name)) return fail(`unknown function '${name || '?'}'`);
      if (c.arguments.length !== 1)
        return fail(`${name} takes one argument, found ${c.arguments.length}`);
      return { kind: 'call', fn: name, arg: convert(c.arguments[0]!, variables, text) };
    }
    default:
      return fail(`'${node.type}' is not allowed`);
  }
}

/**
 * Parses arithmetic in the given variable names with jsep (never eval): numbers, + − * / and
 * the power ^ (or **, right-associative), parentheses, unary minus, pi and e, and the functions
 * sin cos tan exp log sqrt abs tanh. The book's Unicode (−, ·, ×, x²) is accepted.
 * Shapes: scalars only. Book: the functions of ch04 (function_1, function_2) typed as text.
 * @example
 * parseExpression('x0^2 + x1^2', ['x0', 'x1']).kind; // 'binary'
 */
export function parseExpression(text: string, variables: readonly string[]): ExpressionNode {
  if (text.trim() === '')
    throw new ExpressionError('expression: empty; type a formula such as x0^2 + x1^2');
  let tree: jsep.Expression;
  try {
    tree = jsep(normalise(text));
  } catch (error) {
    throw new ExpressionError(
      `expression '${text}': ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return convert(tree, variables, text);
}

/** The value of a parsed expression at `values` (one per variable name, in the same order). */
export function evaluateExpression(
  node: ExpressionNode,
  variables: readonly string[],
  values: ArrayLike<number>,
): number {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'variable':
      return values[variables.indexOf(node.name)]!;
    case 'negate':
      return -evaluateExpression(node.arg, variables, values);
    case 'call':
      return EXPRESSION_FUNCTIONS[node.fn](evaluateExpression(node.arg, variables, values));
    case 'binary': {
      const a = evaluateExpression(node.left, variables, values);
      const b = evaluateExpression(node.right, variables, values);
      if (node.op === '+') return a + b;
      if (node.op === '-') return a - b;
      if (node.op === '*') return a * b;
      if (node.op === '/') return a / b;
      return a ** b;
    }
  }
}

/**
 * A typed formula as a function of its variables' values (parsed once, never eval'd).
 * Shapes: values (n) for n variable names → a number.
 * Book: function_2 = x0² + x1² (ch04 §4.3.3) typed as text.
 * @example
 * const f = compileExpression('x0² + x1²', ['x0', 'x1']);
 * f([3, 4]); // 25
 */
export function compileExpression(
  text: string,
  variables: readonly string[],
): (values: ArrayLike<number>) => number {
  const node = parseExpression(text, variables);
  return (values) => evaluateExpression(node, variables, values);
}
