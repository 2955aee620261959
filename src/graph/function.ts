import { full } from '../tensor/creation.js';
import { Tensor } from '../tensor/tensor.js';
import { isBackpropEnabled } from './config.js';
import { GraphError } from './graph-error.js';
import { Variable, type GraphNode, type Operand } from './variable.js';

/**
 * A node of the computational graph: `forward` computes the output from the input Tensors (with
 * tensor ops, so every backend runs it), and `backward(gy)` returns ∂L/∂input for each input
 * given gy = ∂L/∂output, written with Variable ops so that backward({ createGraph: true }) can
 * differentiate it again. `apply` runs forward and, while recording is on, links the output to
 * this node, keeping the inputs and the generation (one more than the newest input's).
 *
 * The node holds its output strongly, not through a WeakRef as DeZero must in Python: JavaScript's
 * collector frees the output ↔ creator cycle once nothing else holds it, while V8 keeps every
 * WeakRef target alive until the current job ends, so a synchronous training loop would keep
 * every step's graph.
 * Shapes: per function. Book: DeZero's Function (steps 1–60); ch05's nodes (MulLayer, AddLayer).
 * @example
 * class Square extends Function {
 *   readonly name = 'Square';
 *   forward([x]: Tensor[]) { return mul(x, x); }
 *   backward(gy: Variable) { return [gy.mul(this.inputs[0]).mul(2)]; }
 * }
 * new Square().apply(new Variable(3)).item();  // 9
 */
export abstract class Function implements GraphNode {
  abstract readonly name: string;
  /** How a figure labels the node (default: the name), e.g. '×' for Mul. */
  get label(): string {
    return this.name;
  }
  #inputs?: readonly Variable[];
  #outputs?: readonly Variable[];
  #generation = 0;

  get inputs(): readonly Variable[] {
    return this.#inputs ?? this.#notRun('inputs');
  }
  get outputs(): readonly Variable[] {
    return this.#outputs ?? this.#notRun('outputs');
  }
  get generation(): number {
    return this.#generation;
  }

  /** Runs forward on the inputs' data and returns the output Variable, recording the node. */
  apply(...inputs: Variable[]): Variable {
    const y = new Variable(this.forward(inputs.map((x) => x.data)));
    if (isBackpropEnabled()) {
      let generation = 0;
      for (const x of inputs) if (x.generation > generation) generation = x.generation;
      this.#generation = generation;
      this.#inputs = inputs;
      this.#outputs = [y];
      y.setCreator(this);
    }
    return y;
  }

  /** The output from the input tensors. */
  abstract forward(xs: Tensor[]): Tensor;

  /** ∂L/∂input for each input, given gy = ∂L/∂output (null where an input gets no gradient). */
  abstract backward(gy: Variable): (Variable | null)[];

  /** The i-th input (throws before forward or under noGrad, when nothing was recorded). */
  protected input(i: number): Variable {
    return this.inputs[i];
  }

  /** Whether input i wants a gradient: made by a function, or a leaf with requiresGrad. */
  protected wantsGrad(i: number): boolean {
    const x = this.inputs[i];
    return x.creator !== null || x.requiresGrad;
  }

  /** The output (throws before forward). */
  protected output(): Variable {
    return this.outputs[0];
  }

  #notRun(what: string): never {
    throw new GraphError(
      `${this.name}.backward called before forward: the node has no ${what} (apply it first, with recording on)`,
    );
  }
}

/**
 * An operand as a Variable: a Variable as is, a Tensor wrapped, a number as a 0-d tensor of the
 * dtype of `like` (so 2 · x keeps x's dtype). Anything else throws naming the op.
 * @example asVariable(2, x).dtype // x.dtype (not run: needs a Variable x)
 */
export function asVariable(op: string, v: Operand, like?: Variable): Variable {
  if (v instanceof Variable) return v;
  if (v instanceof Tensor) return new Variable(v);
  if (typeof v === 'number') return new Variable(full([], v, { dtype: like?.dtype ?? 'float64' }));
  throw new GraphError(`${op}: expected a Variable, a Tensor or a number, got ${typeof v}`);
}

/**
 * Two operands as Variables of one dtype: a number takes the dtype of the other operand.
 * @example operandPair('add', 2, x) // [Variable(2) in x's dtype, x] (not run: needs a Variable x)
 */
export function operandPair(op: string, a: Operand, b: Operand): [Variable, Variable] {
  if (typeof a === 'number' && typeof b !== 'number') {
    const vb = asVariable(op, b);
    return [asVariable(op, a, vb), vb];
  }
  const va = asVariable(op, a);
  return [va, asVariable(op, b, va)];
}
