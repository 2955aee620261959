/**
 * gradlab: neural-network learning from scratch (Deep Learning from Scratch, chapters 4–5).
 * The public API, named exports only. Node-only pieces (file readers, chart rendering, the CLI)
 * live under src/platform and src/cli and are not exported here, so this entry runs in browsers too.
 */

// Tensors, seeded randomness and the backend registry
export * from './tensor/index.js';
export type { Backend, Storage, DType, FloatArray, UnaryOp, BinaryOp } from './backend/backend.js';
export { getBackend, setBackend } from './backend/registry.js';
export { createJsBackend } from './backend/js/js-backend.js';
export { AllocationError } from './backend/allocation-error.js';
export {
  createWasmBackend,
  createWasmBackendSync,
  wasmSimdSupported,
  type WasmBackend,
} from './backend/wasm/wasm-backend.js';
export { WasmBackendError } from './backend/wasm/wasm-backend-error.js';

// The computational graph (chapter 5) with DeZero's names: Variable, Function, backward, grad,
// the DOT figure. The graph versions of the tensor functions (add, exp, softmax, …) are in F,
// as DeZero's `import dezero.functions as F`; the fused tensor op is softmaxCrossEntropyRows.
export {
  Variable,
  Function,
  asVariable,
  noGrad,
  usingBackprop,
  isBackpropEnabled,
  GraphError,
  softmaxCrossEntropy,
  meanSquaredError,
  linear,
  describeGraph,
  getDotGraph,
  formatValue,
  GRADIENT_COLOR,
  renderDot,
  layoutDot,
  layoutGraph,
  type GraphLayout,
  type LayoutNode,
  type LayoutEdge,
  buyApple,
  buyAppleOrange,
  expressionGraph,
  type ShoppingGraph,
  type ExpressionGraph,
  type Operand,
  type GraphNode,
  type VariableOptions,
  type BackwardOptions,
  type GraphDescription,
  type GraphVariableInfo,
  type GraphFunctionInfo,
  type GraphEdgeInfo,
  type DotGraphOptions,
  type DotLayout,
  type LaidOutNode,
  type LaidOutEdge,
} from './graph/index.js';
export * as F from './graph/functions.js';
export { VariableTwoLayerNet } from './models/variable-two-layer-net.js';
export { softmaxCrossEntropy as softmaxCrossEntropyRows } from './tensor/ops/softmax-rows.js';

// Functions of chapter 3 used throughout
export { stepFunction, sigmoid, relu, softmax, identity } from './functions/activations.js';

// Numerical differentiation and gradient descent (chapter 4)
export { numericalDiff, type NumericalDiffOptions } from './numerical/numerical-diff.js';
export { numericalGradient } from './numerical/numerical-gradient.js';
export {
  gradientDescent,
  type GradientDescentOptions,
  type GradientDescentResult,
} from './numerical/gradient-descent.js';
export {
  gradientCheck,
  type GradientDifference,
  type GradientCheckOptions,
} from './numerical/gradient-check.js';
export { TwoLayerNumericalGradient } from './numerical/two-layer-numerical-gradient.js';
export { type TwoLayerWeights } from './numerical/two-layer-forward-cache.js';
export type { ScalarActivation } from './numerical/scalar-activation.js';

// Losses: the book's forms and PyTorch's (with the LOSSES table)
export * from './losses/index.js';

// Layers (chapter 5)
export type { Layer, LossLayer, Labels } from './layers/layer.js';
export { LayerError } from './layers/layer-error.js';
export { Affine } from './layers/affine.js';
export { Relu } from './layers/relu.js';
export { Sigmoid } from './layers/sigmoid.js';
export { Tanh } from './layers/tanh.js';
export { LeakyRelu, LEAKY_RELU_SLOPE, type LeakyReluOptions } from './layers/leaky-relu.js';
export { SoftmaxWithLoss } from './layers/softmax-with-loss.js';
export { MatMul } from './layers/matmul-layer.js';
export { LossAdapter, type ReducibleLoss } from './layers/loss-adapter.js';
export { Dropout } from './layers/dropout.js';
export { MulLayer } from './layers/mul-layer.js';
export { AddLayer } from './layers/add-layer.js';

// Likelihood heads: the output is a distribution's parameter, the loss its negative log-likelihood
export {
  type Head,
  type HeadName,
  HeadError,
  TargetError,
  HEADS,
  HEAD_NAMES,
  headFor,
  sample,
  categoricalHead,
  bernoulliHead,
  gaussianHead,
  gaussianVarianceHead,
  GaussianVarianceLoss,
  laplaceHead,
  poissonHead,
  samplePoisson,
  sampleLaplace,
} from './heads/index.js';

// Networks
export type { CallOptions, Network, NetworkConfig, Params } from './models/network.js';
export { LayeredNet } from './models/layered-net.js';
export { SimpleNet } from './models/simple-net.js';
export { TwoLayerNet, type TwoLayerNetOptions } from './models/two-layer-net.js';
export { MultiLayerNet, type MultiLayerNetOptions } from './models/multi-layer-net.js';
export { createNetwork, loadParams } from './models/create-network.js';
export { checkNetworkConfig } from './models/check-network-config.js';
export {
  NETWORK_KINDS,
  NETWORK_KIND_NAMES,
  TRAINABLE_NETWORK_KINDS,
  isNetworkKind,
  type NetworkKind,
  type NetworkKindRecord,
  type TrainableNetworkKind,
} from './models/network-kinds.js';
export {
  ACTIVATIONS,
  ACTIVATION_NAMES,
  activationFor,
  isActivation,
  type Activation,
  type ActivationRecord,
} from './models/activations.js';
export { initWeights, weightInitStd, type WeightInit } from './models/init.js';
export { ModelError } from './models/model-error.js';

// Optimizers (update in place)
export type { Optimizer, OptimizerState } from './optim/optimizer.js';
export { OptimizerError } from './optim/optimizer-error.js';
export { SGD, type SGDOptions } from './optim/sgd.js';
export { Momentum, type MomentumOptions } from './optim/momentum.js';
export { AdaGrad, type AdaGradOptions } from './optim/adagrad.js';
export { RMSprop, type RMSpropOptions } from './optim/rmsprop.js';
export { Adam, type AdamOptions } from './optim/adam.js';
export {
  OPTIMIZERS,
  OPTIMIZER_NAMES,
  DEFAULT_LEARNING_RATES,
  createOptimizer,
  type OptimizerName,
  type OptimizerRecord,
} from './optim/create-optimizer.js';

// Data (pure: parsing and batching; file access is in src/platform/node)
export {
  parseIdx,
  expectIdxLabels,
  expectIdxImages,
  encodeIdx,
  IdxFormatError,
  type IdxArray,
  type IdxImages,
} from './data/idx.js';
export {
  subset,
  splitValidation,
  fillImageBatch,
  fillLabelBatch,
  toOneHot,
  type ImageDataset,
} from './data/dataset.js';
export {
  targetWidth,
  type Dataset,
  type TargetInfo,
  type BatchTargets,
} from './data/batch-source.js';
export { imageDataset, asDataset, isDataset, type ImageSource } from './data/image-source.js';
export { tableDataset, type TableData, type TableSource } from './data/table-dataset.js';
export { splitIndices, splitDataset, validationIndices } from './data/split.js';
export { fitScaling, scaleInPlace, type Scaling } from './data/standardize.js';
export { TableError } from './data/table-error.js';
export type { Cell } from './data/table-cells.js';
export type { RowSource } from './data/row-source.js';
export { csvRecords, type CsvRecords } from './data/csv-records.js';
export { csvTextRows } from './data/csv-text.js';
export { chooseColumns, type TableColumns } from './data/table-columns.js';
export { TableScan, type TableSummary } from './data/table-scan.js';
export { TableFill, type TargetPlan } from './data/table-fill.js';
export { readTable, type ReadTable } from './data/read-table.js';
export { defaultHead, MAX_DEFAULT_CLASSES } from './data/default-head.js';
export type { TableMeta } from './data/table-meta.js';
export { preprocessDigit, DIGIT_SIZE, type PixelImage } from './data/preprocess-digit.js';
export { ImageDatasetError, checkImageDataset } from './data/check-image-dataset.js';
export { gaussianBlobs, type GaussianBlobsOptions, type SyntheticSet } from './data/synthetic.js';

// Model files
export {
  encodeSafetensors,
  SafetensorsError,
  type SafetensorsTensor,
  type SafetensorsContents,
} from './io/safetensors.js';
export { decodeSafetensors } from './io/safetensors-decode.js';

// Chart specifications (Vega-Lite), rendered by the CLI to SVG/PNG and live in the browser
export { lineChart, type LineSeries, type LineChartOptions } from './plot/line-chart.js';
export { lossChart, type LossChartOptions } from './plot/loss-chart.js';
export { accuracyChart, type AccuracyChartOptions } from './plot/accuracy-chart.js';
export {
  graphChart,
  type GraphChartOptions,
  type GraphChartNode,
  type GraphChartEdge,
} from './plot/graph-chart.js';
export { functionChart, type FunctionChartOptions, type Tangent } from './plot/function-chart.js';
export { barChart, type BarChartOptions } from './plot/bar-chart.js';
export { contourChart, type ContourChartOptions } from './plot/contour-chart.js';
export {
  vectorFieldChart,
  type VectorFieldChartOptions,
  type Arrow,
} from './plot/vector-field-chart.js';
export {
  scatterChart,
  type ScatterSeries,
  type ScatterChartOptions,
} from './plot/scatter-chart.js';

// Training (pure: the CLI and the browser worker drive the same loop)
export {
  resolveTrainOptions,
  iterationsPerEpoch,
  totalIterations,
  BOOK_DEFAULTS,
  TrainOptionsError,
  type TrainOptions,
  type TrainOptionsInput,
  type Sampling,
} from './train/train-options.js';
export { prepareTraining, type PrepareExtras } from './train/prepare-training.js';
export { networkConfigFor } from './train/network-config.js';
export { TrainingRun, type TrainingData, type TrainingSetup } from './train/training-run.js';
export {
  trainSteps,
  train,
  type TrainEvent,
  type StepEvent,
  type EpochEvent,
  type EndEvent,
  type TrainResult,
} from './train/train-steps.js';
export type { EpochRecord, FinalAccuracy, TrainHistory } from './train/train-history.js';
export { BatchSampler, type BatchSamplerState } from './train/batch-sampler.js';
export { Evaluator } from './train/evaluator.js';
export { trainingTable, type TrainingTable } from './train/training-table.js';
export { evaluationTable, splitPart } from './train/evaluation-table.js';
export { savedHead } from './train/saved-head.js';
export { checkTableSupport } from './train/table-support.js';
export { tableHeads, type TableHeads } from './train/table-heads.js';
export { allOutputs } from './train/all-outputs.js';
export { confusionMatrix } from './train/confusion-matrix.js';
export { weightImages } from './train/weight-images.js';
export { DivergenceError, type DivergenceSite } from './train/divergence.js';
export {
  GradientRace,
  GRADIENT_METHODS,
  type GradientMethod,
  type GradientRaceOptions,
  type RaceLane,
} from './train/gradient-race.js';
export {
  encodeModel,
  loadModel,
  ModelFileError,
  MODEL_FORMAT,
  type LoadModelOptions,
} from './train/model-file.js';
export {
  toStateDict,
  fromStateDict,
  isStateDict,
  sequentialIndices,
  StateDictError,
  type FromStateDictOptions,
  type ImportedStateDict,
} from './interop/state-dict.js';
export {
  encodeTorchModel,
  trainScript,
  PYTORCH_FORMAT,
  type TorchTrainingConfig,
} from './interop/pytorch-export.js';
export { toOnnx, ONNX_OPSET, type OnnxInputScaling, type ToOnnxOptions } from './interop/onnx.js';
export { encodeCheckpoint, decodeCheckpoint, CheckpointError } from './train/checkpoint.js';
export { metricsJson, metricsCsv, type MetricsFile } from './train/metrics-file.js';

// Experiments: each figure and claim of the seed notes as a named, seeded computation
export { EXPERIMENTS, findExperiment } from './experiments/registry.js';
export type {
  Experiment,
  ExperimentContext,
  ExperimentResult,
  ExperimentFigure,
  ExperimentSize,
  KeyNumber,
} from './experiments/experiment.js';

// Typed formulas (jsep, never eval): the playground's own functions
export {
  parseExpression,
  evaluateExpression,
  compileExpression,
  ExpressionError,
  EXPRESSION_FUNCTIONS,
  type ExpressionNode,
  type ExpressionFunction,
  type BinaryOperator,
} from './numerical/expression.js';
