/**
 * Inputs shared by the loss tests. torch-reference.py uses the same numbers for its first cases,
 * so their expected values are in the generated torch-reference.json.
 */

/** Regression input x (2, 3): d = x − y is [[−0.5, −0.2, 1.5], [1.5, 0, −1.1]] (one exact zero). */
export const x = [
  [0.5, -1.2, 2.0],
  [1.5, 0.3, -0.7],
];

/** Regression target y (2, 3). */
export const y = [
  [1.0, -1.0, 0.5],
  [0.0, 0.3, 0.4],
];

/** Like x but with every |x − y| at least 0.1 from the kinks at 0, 0.5 and 1 (for gradient checks). */
export const away = [
  [0.3, -1.2, 2.0],
  [1.5, 0.6, -0.7],
];

/** Class scores (3, 4) for CrossEntropyLoss, NLLLoss (through log-softmax) and MultiMarginLoss. */
export const logits = [
  [1.0, 2.0, 0.5, -1.0],
  [0.3, -0.2, 2.2, 1.1],
  [-1.5, 0.0, 0.4, 0.9],
];

/** A per-class weight (4). */
export const classWeight = [0.5, 2.0, 1.0, 1.5];
