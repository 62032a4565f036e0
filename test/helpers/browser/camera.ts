/**
 * Watches every camera stream the page opens, so a test can assert that none is left live after
 * a step (the real `getUserMedia` still runs: this only keeps a reference to what it returned).
 */
const opened: MediaStream[] = [];
const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
navigator.mediaDevices.getUserMedia = async (constraints) => {
  const stream = await original(constraints);
  opened.push(stream);
  return stream;
};

/** Camera tracks opened since the page loaded that are still live. */
export const liveTracks = (): MediaStreamTrack[] =>
  opened.flatMap((stream) => stream.getTracks()).filter((track) => track.readyState === 'live');

/** How many streams the page has opened. */
export const openedStreams = (): number => opened.length;
