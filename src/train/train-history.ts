/**
 * What one evaluation point measured: the accuracies of a classifier, or (value targets:
 * regression, counts) null accuracies and the mean loss per row on each set.
 */
export interface EpochRecord extends FinalAccuracy {
  /** 0 before training, k after k epochs. */
  readonly epoch: number;
  /** Completed iterations when it was measured (epoch × iterationsPerEpoch). */
  readonly iteration: number;
}

/** The measures after the last iteration: accuracies (class targets) or mean losses (value targets). */
export interface FinalAccuracy {
  /** Accuracy on the training samples; null for value targets. */
  readonly trainAccuracy: number | null;
  readonly testAccuracy: number | null;
  /** Accuracy on the held-out validation samples, or null without a validation split. */
  readonly validationAccuracy: number | null;
  /**
   * Mean loss per row on the training set (the network's loss, weight decay included): the
   * quantity training minimises, measured on every row rather than one batch. Absent only in
   * records saved before it was measured.
   */
  readonly trainLoss?: number;
  /** Mean loss per row on the test set: it falls and then rises when the network over-fits. */
  readonly testLoss?: number;
  readonly validationLoss?: number | null;
}

/**
 * What a run has recorded so far: the loss of every iteration and the accuracies of every
 * evaluation point. Book: train_loss_list, train_acc_list, test_acc_list.
 */
export interface TrainHistory {
  /** loss[i] is the mini-batch loss of iteration i + 1. */
  readonly loss: number[];
  readonly epochs: EpochRecord[];
}
