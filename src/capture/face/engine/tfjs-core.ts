/**
 * What the face engine's bundle gives face-api in place of the whole `@tensorflow/tfjs`: the
 * tfjs-core names face-api's code reads from its `tf` namespace (`tf.conv2d`, `tf.tidy`…) and
 * no others, so the bundler leaves out the rest of the op library, the optimizers and the
 * gradients (face-api only runs models forward), and only the tensor methods it calls. No backend either: `wasm-backend.ts` and
 * `cpu-backend.ts` register theirs, with only the kernels the two tiny models run.
 */
import '@tensorflow/tfjs-core/dist/base_side_effects.js';
// The tensor methods face-api calls (`tensor.as3D()`, `tensor.add()`…): the whole tfjs registers
// them all, tfjs-core none.
import '@tensorflow/tfjs-core/dist/public/chained_ops/abs.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/add.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/as1d.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/as2d.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/as3d.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/as4d.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/batchnorm.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/cast.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/clip_by_value.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/concat.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/conv2d.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/div.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/exp.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/expand_dims.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/log.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/mat_mul.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/max.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/mean.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/min.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/mul.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/pad.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/relu.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/reshape.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/sigmoid.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/slice.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/softmax.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/sqrt.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/stack.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/sub.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/tile.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/to_int.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/transpose.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/unstack.js';

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
