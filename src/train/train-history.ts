/** The accuracies measured at one evaluation point. */
export interface EpochRecord {
  /** 0 before training, k after k epochs. */
  readonly epoch: number;
  /** Completed iterations when it was measured (epoch × iterationsPerEpoch). */
  readonly iteration: number;
  readonly trainAccuracy: number;
  readonly testAccuracy: number;
  /** Accuracy on the held-out validation samples, or null without --validation. */
  readonly validationAccuracy: number | null;
}

/** Final accuracies, measured after the last iteration. */
export interface FinalAccuracy {
  readonly trainAccuracy: number;
  readonly testAccuracy: number;
  readonly validationAccuracy: number | null;
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
