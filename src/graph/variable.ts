import { full, tensor } from '../tensor/creation.js';
import { type DType, fmtShape, sameShape, Tensor, type NestedArray } from '../tensor/tensor.js';
import { runBackward, type BackpropNode } from './backprop.js';
import { GraphError } from './graph-error.js';

/** What graph functions and Variable methods take: a Variable, a Tensor or a plain number. */
export type Operand = Variable | Tensor | number;

/** A node of the graph that made a Variable: a Function after its forward. */
export type GraphNode = BackpropNode<Variable>;

/** Options of the Variable constructor. */
export interface VariableOptions {
  /** Shown in error messages and graph figures, e.g. 'apple'. */
  name?: string;
  /** The dtype for number or nested-array data (default float64). */
  dtype?: DType;
  /**
   * False for data that needs no gradient (a batch of inputs): functions may then skip computing
   * it (Linear and MatMul do, saving a third of a two-layer net's backward). Default true.
   */
  requiresGrad?: boolean;
}

/** Options of {@link Variable.backward}. */
export interface BackwardOptions {
  /**
   * Keep the gradients of intermediate variables (default false: only leaves keep theirs, and the
   * intermediate ones are dropped as soon as they have been passed on).
   */
  retainGrad?: boolean;
  /** Record the backward pass itself, so that gradients can be differentiated again (default false). */
  createGraph?: boolean;
  /** The seed ∂L/∂y, needed when y is not a scalar; it must have y's shape. Default 1. */
  grad?: Variable | Tensor | NestedArray;
}

/**
 * A value of the computational graph: its data (a Tensor), its gradient after `backward`, and
 * the function that made it. Arithmetic goes through methods (JavaScript has no operator
 * overloading); each method applies a graph function, which records the graph while recording
 * is on (see noGrad).
 *   y.backward() computes ∂y/∂v for every variable v that y depends on, by the chain rule:
 *   each function passes back upstream gradient × local gradient, in reverse generation order.
 * `grad` is a Variable (so it can be differentiated again with createGraph), or null where no
 * path from y leads. Gradients accumulate across backward calls until `clearGrad()`.
 * Shapes: data any shape; grad the same shape. Book: DeZero's Variable (ch05's graph nodes).
 * @example
 * const x = new Variable(3, { name: 'x' });
 * const y = x.mul(x).add(x);   // y = x² + x
 * y.backward();
 * x.grad?.item();              // 7 (2x + 1 at x = 3)
 */
export class Variable {
  /** The value. Assign a new tensor to update a parameter (x.data = …), as DeZero does. */
  data: Tensor;
  /** The name shown in errors and graph figures. */
  name: string | undefined;
  /** ∂y/∂this after y.backward(), or null. */
  grad: Variable | null = null;
  /** False when no gradient is wanted for this leaf (see VariableOptions.requiresGrad). */
  readonly requiresGrad: boolean;
  #creator: GraphNode | null = null;
  #generation = 0;

  constructor(data: Tensor | NestedArray, options: VariableOptions = {}) {
    if (!(data instanceof Tensor) && typeof data !== 'number' && !Array.isArray(data)) {
      throw new GraphError(
        `Variable: data must be a number, a nested array or a Tensor, got ${describe(data)}`,
      );
    }
    this.data = tensor(data, options.dtype === undefined ? {} : { dtype: options.dtype });
    this.name = options.name;
    this.requiresGrad = options.requiresGrad ?? true;
  }

  /** The function that made this variable (null for a leaf, or under noGrad). */
  get creator(): GraphNode | null {
    return this.#creator;
  }

  /** One more than the creator's generation (0 for a leaf). */
  get generation(): number {
    return this.#generation;
  }

  get shape(): readonly number[] {
    return this.data.shape;
  }
  get ndim(): number {
    return this.data.ndim;
  }
  get size(): number {
    return this.data.size;
  }
  get dtype(): DType {
    return this.data.dtype;
  }

  /** The single number of a one-element variable. */
  item(): number {
    return this.data.item();
  }

  /** Records `f` as the creator (called by Function.apply). */
  setCreator(f: GraphNode): void {
    this.#creator = f;
    this.#generation = f.generation + 1;
  }

  /** Drops the gradient, so the next backward starts from zero. Book: DeZero's cleargrad. */
  clearGrad(): void {
    this.grad = null;
  }

  /**
   * Backpropagation from this variable: every variable it depends on gets ∂this/∂v added to its
   * grad. Functions run in decreasing generation, so each one runs once, after all its outputs'
   * gradients are complete (a variable used twice gets the sum of both paths).
   */
  backward(options: BackwardOptions = {}): void {
    const { retainGrad = false, createGraph = false } = options;
    const seed = this.#seed(options.grad);
    this.grad = this.#creator === null && this.grad !== null ? this.grad.add(seed) : seed;
    runBackward<Variable>(this, { retainGrad, createGraph });
  }

  #seed(grad: BackwardOptions['grad']): Variable {
    if (grad === undefined) {
      if (this.size !== 1) {
        throw new GraphError(
          `backward: ${this.label} has shape ${fmtShape(this.shape)}; without a seed it must be a scalar ` +
            `(reduce it with sum() or mean(), or pass { grad } of shape ${fmtShape(this.shape)})`,
        );
      }
      return new Variable(full(this.shape, 1, { dtype: this.dtype }));
    }
    const g = grad instanceof Variable ? grad : new Variable(tensor(grad, { dtype: this.dtype }));
    if (!sameShape(g.shape, this.shape)) {
      throw new GraphError(
        `backward: the seed grad has shape ${fmtShape(g.shape)} but ${this.label} has shape ${fmtShape(this.shape)}`,
      );
    }
    return g;
  }

  /** The name, or 'the variable' in messages. */
  get label(): string {
    return this.name === undefined ? 'the variable' : `'${this.name}'`;
  }

  toString(): string {
    const name = this.name === undefined ? '' : `${this.name}, `;
    return `Variable(${name}${fmtShape(this.shape)}) ${JSON.stringify(this.data.toArray())}`;
  }

  /** this + other, broadcast as NumPy does. */
  add(other: Operand): Variable {
    return graphOps().add(this, other);
  }
  /** this − other, broadcast as NumPy does. */
  sub(other: Operand): Variable {
    return graphOps().sub(this, other);
  }
  /** this ⊙ other (elementwise), broadcast as NumPy does. */
  mul(other: Operand): Variable {
    return graphOps().mul(this, other);
  }
  /** this / other (elementwise), broadcast as NumPy does. */
  div(other: Operand): Variable {
    return graphOps().div(this, other);
  }
  /** −this. */
  neg(): Variable {
    return graphOps().neg(this);
  }
  /** thisᵏ elementwise, for a constant k. */
  pow(k: number): Variable {
    return graphOps().pow(this, k);
  }
  /** eˣ elementwise. */
  exp(): Variable {
    return graphOps().exp(this);
  }
  /** ln x elementwise. */
  log(): Variable {
    return graphOps().log(this);
  }
  /** sin x elementwise. */
  sin(): Variable {
    return graphOps().sin(this);
  }
  /** cos x elementwise. */
  cos(): Variable {
    return graphOps().cos(this);
  }
  /** tanh x elementwise. */
  tanh(): Variable {
    return graphOps().tanh(this);
  }
  /** σ(x) = 1 / (1 + e⁻ˣ) elementwise. */
  sigmoid(): Variable {
    return graphOps().sigmoid(this);
  }
  /** max(0, x) elementwise. */
  relu(): Variable {
    return graphOps().relu(this);
  }
  /** The matrix product this · other (2-D). */
  matmul(other: Operand): Variable {
    return graphOps().matmul(this, other);
  }
  /** The sum over `axis` (all axes when omitted), keeping the summed axes as 1 with keepdims. */
  sum(axis?: number | readonly number[], keepdims = false): Variable {
    return graphOps().sum(this, axis, keepdims);
  }
  /** The mean over `axis` (all axes when omitted). */
  mean(axis?: number | readonly number[], keepdims = false): Variable {
    return graphOps().mean(this, axis, keepdims);
  }
  /** The same numbers in another shape. */
  reshape(shape: readonly number[]): Variable {
    return graphOps().reshape(this, shape);
  }
  /** The axes permuted (reversed when omitted: a matrix's transpose). */
  transpose(axes?: readonly number[]): Variable {
    return graphOps().transpose(this, axes);
  }
  /** Stretched to `shape` by NumPy's broadcasting. */
  broadcastTo(shape: readonly number[]): Variable {
    return graphOps().broadcastTo(this, shape);
  }
  /** Summed down to `shape` (the reverse of broadcastTo). */
  sumTo(shape: readonly number[]): Variable {
    return graphOps().sumTo(this, shape);
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  return typeof v === 'object' ? (v.constructor?.name ?? 'an object') : typeof v;
}

/** The graph functions behind Variable's methods, installed by the graph's entry module. */
export interface GraphOps {
  add(a: Variable, b: Operand): Variable;
  sub(a: Variable, b: Operand): Variable;
  mul(a: Variable, b: Operand): Variable;
  div(a: Variable, b: Operand): Variable;
  neg(x: Variable): Variable;
  pow(x: Variable, k: number): Variable;
  exp(x: Variable): Variable;
  log(x: Variable): Variable;
  sin(x: Variable): Variable;
  cos(x: Variable): Variable;
  tanh(x: Variable): Variable;
  sigmoid(x: Variable): Variable;
  relu(x: Variable): Variable;
  matmul(a: Variable, b: Operand): Variable;
  sum(x: Variable, axis: number | readonly number[] | undefined, keepdims: boolean): Variable;
  mean(x: Variable, axis: number | readonly number[] | undefined, keepdims: boolean): Variable;
  reshape(x: Variable, shape: readonly number[]): Variable;
  transpose(x: Variable, axes: readonly number[] | undefined): Variable;
  broadcastTo(x: Variable, shape: readonly number[]): Variable;
  sumTo(x: Variable, shape: readonly number[]): Variable;
}

// The methods call the functions through this table: the function files import Variable, so
// Variable cannot import them back without a cycle. src/graph/methods.ts installs them.
let installed: GraphOps | undefined;

/**
 * Installs the functions behind Variable's methods (done once by src/graph/methods.ts).
 * @example installGraphOps({ add, sub, mul, … }); // not run: abridged
 */
export function installGraphOps(ops: GraphOps): void {
  installed = ops;
}

function graphOps(): GraphOps {
  if (installed === undefined) {
    throw new GraphError(
      "Variable methods need the graph functions: import from 'gradlab' (or src/graph/index.js), not variable.js alone",
    );
  }
  return installed;
}
