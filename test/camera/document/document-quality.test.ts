import { expect } from '@open-wc/testing';
import { evaluateDocument } from '../../../src/capture/image/document-quality.js';
import { measureCameraFrames } from '../../helpers/browser/document-frames.js';

describe('quality gate on the fake camera’s card', function () {
  // Camera frames, face models and the sandbox's face engine share 2 busy cores: seconds per image.
  this.timeout(120_000);

  it('measures every frame as ok', async () => {
    const frames = await measureCameraFrames();
    expect(frames.map((metrics) => evaluateDocument(metrics))).to.deep.equal(frames.map(() => 'ok'));
  });
});
