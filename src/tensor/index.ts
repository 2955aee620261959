export { Tensor, shapeSize, fmtShape, sameShape, type NestedArray } from './tensor.js';
export {
  tensor,
  zeros,
  ones,
  full,
  zerosLike,
  clone,
  randn,
  rand,
  fromArray,
  type DTypeOptions,
} from './creation.js';
export { createRng, type Rng, type RngState } from './rng.js';
export { matmul, type MatmulOptions } from './ops/matmul.js';
export { add, sub, mul, div, maximum, minimum } from './ops/elementwise.js';
export { exp, log, neg, abs, sqrt, square, tanh, unaryKernel } from './ops/unary.js';
export { sum, mean, sumAxis0, argmaxRows } from './ops/reduce.js';
export {
  softmaxCrossEntropy,
  softmaxCrossEntropyBackward,
  softmaxRows,
} from './ops/softmax-rows.js';
export { axpyInPlace, scaleInPlace, fillInPlace, copyInto } from './ops/inplace.js';
export { reluBackward, sigmoidBackward } from './ops/activation-backward.js';
export {
  assertSameShape,
  assertSameDType,
  assertNDim,
  outFor,
  reuse,
  rowsCols,
  firstBadClassIndex,
} from './ops/check.js';
export { gatherByteRows } from './ops/gather-byte-rows.js';
export { broadcastShapes, broadcastTo, sumTo } from './ops/broadcast.js';
export { broadcastBinary, type ArithmeticOp } from './ops/broadcast-binary.js';
export { transpose } from './ops/transpose.js';
export { sumAxes, reductionAxes, reducedShape } from './ops/sum-axes.js';
export { sin, cos, pow } from './ops/math.js';
