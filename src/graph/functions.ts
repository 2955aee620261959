// The graph functions, one node per file (DeZero's dezero.functions, imported as F).
// Importing them installs Variable's methods.
import './methods.js';

export { add, Add } from './add.js';
export { sub, Sub } from './sub.js';
export { mul, Mul } from './mul.js';
export { div, Div } from './div.js';
export { neg, Neg } from './neg.js';
export { pow, Pow } from './pow.js';
export { exp, Exp } from './exp.js';
export { log, Log } from './log.js';
export { sin, cos, Sin, Cos } from './trig.js';
export { tanh, Tanh } from './tanh.js';
export { sigmoid, Sigmoid } from './sigmoid.js';
export { relu, ReLU } from './relu.js';
export { matmul, MatMul } from './matmul.js';
export { sum, Sum, type Axis } from './sum.js';
export { mean } from './mean.js';
export { reshape, Reshape } from './reshape.js';
export { transpose, Transpose } from './transpose.js';
export { broadcastTo, sumTo, BroadcastTo, SumTo } from './broadcast.js';
export { softmax, Softmax } from './softmax.js';
export { softmaxCrossEntropy, SoftmaxCrossEntropy } from './softmax-cross-entropy.js';
export { meanSquaredError, MeanSquaredError } from './mean-squared-error.js';
export { linear, Linear } from './linear.js';
