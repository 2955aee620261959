// Imports the built package by its own name, as another project would, and runs a tiny check.
import {
  TwoLayerNet,
  crossEntropyLoss,
  numericalGradient,
  tensor,
  createRng,
  Variable,
  softmaxCrossEntropy,
  getDotGraph,
} from 'gradlab';

const net = new TwoLayerNet(4, 5, 3, { rng: createRng(1) });
const x = tensor([[0.1, 0.2, 0.3, 0.4]]);
const { loss } = net.gradient(x, [2]);
const ce = crossEntropyLoss([[1, 2, 3]], [2]);
const g = numericalGradient((t) => t.data[0] ** 2, tensor([3]));
// The computational graph: y = x⁴ − 2x² at 2 has y′ = 24; a loss node and its DOT figure.
const v = new Variable(2, { name: 'x' });
v.pow(4).sub(v.pow(2).mul(2)).backward();
const logits = new Variable([[0, 0]], { name: 'logits' });
const sce = softmaxCrossEntropy(logits, [1]);
sce.backward();
const dot = getDotGraph(sce);
if (
  v.grad?.item() !== 24 ||
  sce.item() !== 0.6931469805599654 ||
  !dot.includes('SoftmaxCrossEntropy')
) {
  console.error('package smoke test failed (graph)', { dx: v.grad?.item(), sce: sce.item(), dot });
  process.exit(1);
}
if (!(loss > 0) || Math.abs(ce - 0.40760596444438) > 1e-12 || Math.abs(g.data[0] - 6) > 1e-6) {
  console.error('package smoke test failed', { loss, ce, g: g.data[0] });
  process.exit(1);
}
console.log(
  `package smoke test passed: import { TwoLayerNet, crossEntropyLoss, numericalGradient, Variable, softmaxCrossEntropy, getDotGraph } from 'gradlab'`,
);
