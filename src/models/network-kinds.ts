/** What gradlab knows about one network architecture (a record of {@link NETWORK_KINDS}). */
export interface NetworkKindRecord {
  /** The class that builds it. */
  readonly label: string;
  /** How many hidden layers a config of this kind has: exactly this number, or any. */
  readonly hiddenLayers: number | 'any';
  /** Whether a training run may ask for it (SimpleNet is the book's fixed 2 × 3 example). */
  readonly trainable: boolean;
}

/**
 * Every network kind, by the `kind` that configs and model files carry. The {@link NetworkKind}
 * type, the config validator (checkNetworkConfig), createNetwork, the training options' and the
 * CLI's --model choices are read from here; createNetwork's builders are checked against it.
 * Book: simpleNet (ch04 §4.4.2), TwoLayerNet (ch04–05), MultiLayerNet (ch06).
 * @example
 * NETWORK_KINDS['two-layer'].hiddenLayers;  // 1
 */
export const NETWORK_KINDS = {
  simple: { label: 'SimpleNet', hiddenLayers: 0, trainable: false },
  'two-layer': { label: 'TwoLayerNet', hiddenLayers: 1, trainable: true },
  'multi-layer': { label: 'MultiLayerNet', hiddenLayers: 'any', trainable: true },
} as const satisfies Record<string, NetworkKindRecord>;

/** A network kind: a key of {@link NETWORK_KINDS}. */
export type NetworkKind = keyof typeof NETWORK_KINDS;

/** A kind that a training run may ask for (its record says `trainable: true`). */
export type TrainableNetworkKind = {
  [K in NetworkKind]: (typeof NETWORK_KINDS)[K]['trainable'] extends true ? K : never;
}[NetworkKind];

/**
 * The kinds in table order.
 * @example NETWORK_KIND_NAMES  // ['simple', 'two-layer', 'multi-layer']
 */
export const NETWORK_KIND_NAMES = Object.keys(NETWORK_KINDS) as readonly NetworkKind[];

/**
 * The kinds a training run may ask for (the CLI's --model choices).
 * @example TRAINABLE_NETWORK_KINDS  // ['two-layer', 'multi-layer']
 */
export const TRAINABLE_NETWORK_KINDS = NETWORK_KIND_NAMES.filter(
  (k) => NETWORK_KINDS[k].trainable,
) as readonly TrainableNetworkKind[];

/**
 * Whether `kind` is a key of {@link NETWORK_KINDS} (own keys only).
 * @example isNetworkKind('simple')  // true
 */
export function isNetworkKind(kind: unknown): kind is NetworkKind {
  return typeof kind === 'string' && Object.hasOwn(NETWORK_KINDS, kind);
}
