/**
 * What the face engine's bundle gives face-api in place of the whole `@tensorflow/tfjs`: the
 * tfjs-core names face-api's code reads from its `tf` namespace (`tf.conv2d`, `tf.tidy`…) and
 * no others, so the bundler leaves out the rest of the op library, the optimizers and the
 * gradients (face-api only runs models forward). No backend either: `wasm-backend.ts` and
 * `cpu-backend.ts` register theirs, with only the kernels the two tiny models run.
 */
import '@tensorflow/tfjs-core/dist/base_side_effects.js';

export {
  Tensor,
  Variable,
  add,
  avgPool,
  batchNorm,
  browser,
  cast,
  clipByValue,
  concat,
  conv2d,
  depthwiseConv2d,
  div,
  exp,
  expandDims,
  fill,
  image,
  io,
  matMul,
  maxPool,
  mul,
  pad,
  relu,
  reshape,
  scalar,
  separableConv2d,
  sigmoid,
  slice,
  slice3d,
  softmax,
  stack,
  sub,
  tensor,
  tensor1d,
  tensor2d,
  tensor3d,
  tensor4d,
  tidy,
  tile,
  transpose,
  unstack,
  zeros,
} from '@tensorflow/tfjs-core/dist/base.js';
