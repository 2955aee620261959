import type { Labels } from '../layers/layer.js';
import { SoftmaxWithLoss } from '../layers/softmax-with-loss.js';
import { fromArray } from '../tensor/creation.js';
import { softmaxRows } from '../tensor/ops/softmax-rows.js';
import type { Rng } from '../tensor/rng.js';
import type { Tensor } from '../tensor/tensor.js';
import { sampleIndex } from './draws.js';
import type { Head } from './head.js';
import { meanNll } from './head-metrics.js';
import { classTargets, outputShape, targetRows } from './targets.js';

const name = 'categorical';

/** log softmax(z)[n, tₙ] for each row, exactly (max-shifted log-sum-exp; no 1e-7). */
function logSoftmaxAt(output: Tensor, labels: Int32Array): Float64Array {
  const [rows, classes] = output.shape;
  const z = output.data;
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let m = -Infinity;
    for (let c = 0; c < classes; c++) m = Math.max(m, z[r * classes + c]);
    let s = 0;
    for (let c = 0; c < classes; c++) s += Math.exp(z[r * classes + c] - m);
    out[r] = z[r * classes + labels[r]] - m - Math.log(s);
  }
  return out;
}

/**
 * The categorical head: the output is the logits z of Categorical(y | softmax(z)), trained with
 * SoftmaxWithLoss (the book's classifier; −log softmax(z)_y is the cross-entropy). predict gives
 * the class probabilities, sample a class index per row; nll uses the exact log-softmax.
 * Shapes: output (N, C) logits, targets (N) indices or (N, C) one-hot → predict (N, C), sample (N).
 * Book: SoftmaxWithLoss (ch05 §5.6.3), cross_entropy_error (ch04 §4.2.2).
 * @example
 * categoricalHead.metrics(tensor([[0, 0], [2, 0]]), [1, 0]);  // { accuracy: 0.5, nll: 0.4100… } (ties go to class 0)
 */
export const categoricalHead: Head = {
  name,
  description: 'Categorical(y | softmax(z)): the network outputs class logits z (SoftmaxWithLoss)',
  targetKind: 'class',
  metricNames: ['accuracy', 'nll'],
  outputSize: (classes) => classes,
  createLoss: () => new SoftmaxWithLoss(),
  predict(output: Tensor) {
    outputShape(name, output);
    return softmaxRows(output);
  },
  sample(output: Tensor, rng: Rng) {
    const [rows, classes] = outputShape(name, output);
    const p = softmaxRows(output).data;
    const y = new Float64Array(rows);
    for (let r = 0; r < rows; r++) y[r] = sampleIndex(p, r * classes, classes, rng);
    return fromArray(y, [rows], { dtype: output.dtype });
  },
  logLikelihood(output: Tensor, t: Labels) {
    const [rows, classes] = outputShape(name, output);
    return logSoftmaxAt(output, classTargets(name, t, rows, classes));
  },
  metrics(output: Tensor, t: Labels) {
    const [rows, classes] = outputShape(name, output);
    const labels = classTargets(name, t, rows, classes);
    const z = output.data;
    let correct = 0;
    for (let r = 0; r < rows; r++) {
      let best = 0;
      for (let c = 1; c < classes; c++) if (z[r * classes + c] > z[r * classes + best]) best = c;
      if (best === labels[r]) correct++;
    }
    return { accuracy: correct / rows, nll: meanNll(logSoftmaxAt(output, labels)) };
  },
  checkTarget(t: Labels, classes: number) {
    classTargets(name, t, targetRows(t), classes);
  },
};
