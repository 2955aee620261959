/**
 * Counts of (true class, predicted class) pairs: m[i·C + j] = |{n : tₙ = i and yₙ = j}|.
 * Rows are true classes, columns predicted ones; the diagonal holds the correct predictions,
 * so its sum over N is the accuracy, and every row sums to the count of that class.
 * Shapes: labels (N), predicted (N) → (C·C), row-major.
 * @example
 * confusionMatrix([0, 1, 1], [0, 0, 1], 2); // → [1, 0, 1, 1]
 */
export function confusionMatrix(
  labels: ArrayLike<number>,
  predicted: ArrayLike<number>,
  classes: number,
): Int32Array {
  if (labels.length !== predicted.length) {
    throw new RangeError(
      `confusionMatrix: ${labels.length} labels but ${predicted.length} predictions`,
    );
  }
  if (!Number.isSafeInteger(classes) || classes <= 0) {
    throw new RangeError(`confusionMatrix: classes must be a positive integer, got ${classes}`);
  }
  const m = new Int32Array(classes * classes);
  for (let n = 0; n < labels.length; n++) {
    const t = labels[n]!;
    const y = predicted[n]!;
    if (!(
      Number.isInteger(t) &&
      t >= 0 &&
      t < classes &&
      Number.isInteger(y) &&
      y >= 0 &&
      y < classes
    )) {
      throw new RangeError(
        `confusionMatrix: row ${n} has label ${t} and prediction ${y}, outside 0..${classes - 1}`,
      );
    }
    m[t * classes + y]!++;
  }
  return m;
}
