/**
 * The wasm backend's kernels that the tiny face detector and the tiny landmarks run (and no others):
 * tfjs' own, but for the two that copy in JavaScript (`wasm-copy-kernels.ts`).
 */
export { concatConfig, sliceConfig } from './wasm-copy-kernels.js';
export { addConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/Add.js';
export { avgPoolConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/AvgPool.js';
export { batchMatMulConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/BatchMatMul.js';
export { castConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/Cast.js';
export { conv2DConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/Conv2D.js';
export { depthwiseConv2dNativeConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/DepthwiseConv2dNative.js';
export { expandDimsConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/ExpandDims.js';
export { fillConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/Fill.js';
export { maxPoolConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/MaxPool.js';
export { multiplyConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/Multiply.js';
export { packConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/Pack.js';
export { padV2Config } from '@tensorflow/tfjs-backend-wasm/dist/kernels/PadV2.js';
export { realDivConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/RealDiv.js';
export { reluConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/Relu.js';
export { reshapeConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/Reshape.js';
export { resizeBilinearConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/ResizeBilinear.js';
export { subConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/Sub.js';
export { unpackConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/Unpack.js';
