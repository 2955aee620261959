// The computational graph (chapter 5, with DeZero's names): Variable, Function, the graph
// functions, and the DOT figure. Importing it installs Variable's methods.
import './methods.js';

export * from './functions.js';

export {
  Variable,
  installGraphOps,
  type Operand,
  type GraphNode,
  type GraphOps,
} from './variable.js';
export type { VariableOptions, BackwardOptions } from './variable.js';
export { Function, asVariable, operandPair } from './function.js';
export { noGrad, usingBackprop, isBackpropEnabled } from './config.js';
export { GraphError } from './graph-error.js';
export { runBackward, type BackpropNode, type BackpropValue } from './backprop.js';
export {
  describeGraph,
  type GraphDescription,
  type GraphVariableInfo,
  type GraphFunctionInfo,
  type GraphEdgeInfo,
} from './graph-description.js';
export { getDotGraph, formatValue, GRADIENT_COLOR, type DotGraphOptions } from './dot-graph.js';
export {
  renderDot,
  layoutDot,
  type DotLayout,
  type LaidOutNode,
  type LaidOutEdge,
} from './render-dot.js';
export { buyApple, buyAppleOrange, type ShoppingGraph } from './shopping.js';
export { expressionGraph, type ExpressionGraph } from './expression-graph.js';
export {
  layoutGraph,
  type GraphLayout,
  type LayoutNode,
  type LayoutEdge,
  type GraphLayoutOptions,
} from './graph-layout.js';
