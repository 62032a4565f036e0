/**
 * The bench's host page for `<verifik-enroll>` (a classic script, so it runs before the widget's
 * module): builds the element from the query string (`project`, `flow`, `mode`, `api-url`, `lang`,
 * `persist`, `token-endpoint`), records every `verifik-*` event with its time, and notes when the
 * first input of the first step is rendered and enabled (`window.bench.interactiveAt`, ms since
 * navigation start, checked once per animation frame). `bench.remount({flow, project})` replaces
 * the element with a new one (another person, same page); `bench.liveTracks()` counts the camera
 * tracks the page opened that are still live; `bench.cameraPngLength(facingMode)` is the length of a
 * full-resolution PNG data URL of a frame of that camera (the naive upload).
 */
(() => {
  // `document-image`: a picture the rear camera films (see pictureCamera).
  const ATTRIBUTES = ['project', 'flow', 'mode', 'api-url', 'lang', 'persist', 'token-endpoint'];
  const EVENTS = [
    'verifik-ready',
    'verifik-step-change',
    'verifik-step-complete',
    'verifik-complete',
    'verifik-error',
    'verifik-cancel',
  ];
  const params = new URLSearchParams(location.search);
  const streams = [];
  let element;

  const bench = {
    events: [],
    readyAt: undefined,
    interactiveAt: undefined,
    liveTracks: () =>
      streams.flatMap((stream) => stream.getTracks()).filter((track) => track.readyState === 'live').length,
    openedStreams: () => streams.length,
    remount(overrides) {
      element.remove();
      mount({ ...Object.fromEntries(params), ...overrides });
    },
    async cameraPngLength(facingMode) {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode }, audio: false });
      try {
        const video = document.createElement('video');
        video.muted = true;
        video.srcObject = stream;
        await video.play();
        const canvas = document.createElement('canvas');
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        canvas.getContext('2d').drawImage(video, 0, 0);
        return { width: canvas.width, height: canvas.height, length: canvas.toDataURL('image/png').length };
      } finally {
        stream.getTracks().forEach((track) => track.stop());
      }
    },
  };
  window.bench = bench;

  /**
   * A rear camera filming the picture at `url` (Chromium's fake camera plays one video per
   * browser, the selfie's): a canvas stream of the picture, 15 frames a second.
   */
  async function pictureCamera(url) {
    const picture = new Image();
    picture.src = url;
    await picture.decode();
    const canvas = document.createElement('canvas');
    canvas.width = picture.naturalWidth;
    canvas.height = picture.naturalHeight;
    const context = canvas.getContext('2d');
    context.drawImage(picture, 0, 0);
    const stream = canvas.captureStream(15);
    const [track] = stream.getVideoTracks();
    if (track.getSettings().deviceId) pictureDevices.add(track.getSettings().deviceId);
    // captureStream only sends frames when the canvas changes: redraw it while the track lives.
    const timer = setInterval(() => {
      if (track.readyState === 'ended') clearInterval(timer);
      else context.drawImage(picture, 0, 0);
    }, 1000 / 15);
    return stream;
  }

  /** Device ids the picture camera's tracks report (a camera restarts by asking for its device id). */
  const pictureDevices = new Set();

  const wantsRearCamera = (constraints) => {
    const { facingMode: facing, deviceId: device } = constraints?.video ?? {};
    return (
      [facing, facing?.ideal, facing?.exact].includes('environment') ||
      [device, device?.ideal, device?.exact].some((id) => id && pictureDevices.has(id))
    );
  };

  if (navigator.mediaDevices) {
    const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    const documentImage = params.get('document-image');
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream =
        documentImage && wantsRearCamera(constraints)
          ? await pictureCamera(documentImage)
          : await getUserMedia(constraints);
      streams.push(stream);
      return stream;
    };
  }

  function mount(attributes) {
    bench.events = [];
    bench.readyAt = undefined;
    bench.interactiveAt = undefined;
    element = document.createElement('verifik-enroll');
    for (const name of ATTRIBUTES) if (attributes[name] !== undefined) element.setAttribute(name, attributes[name]);
    for (const type of EVENTS) {
      element.addEventListener(type, (event) => {
        bench.events.push({ type, at: performance.now(), detail: event.detail });
        if (type === 'verifik-ready') bench.readyAt ??= performance.now();
      });
    }
    // A completed flow stays on the page (the bench reads what happened).
    element.addEventListener('verifik-complete', (event) => event.preventDefault());
    document.body.append(element);

    const mounted = element;
    const firstInput = () => mounted.shadowRoot?.querySelector('[data-step]')?.shadowRoot?.querySelector('input');
    const watch = () => {
      const input = firstInput();
      if (input && !input.disabled && input.getClientRects().length > 0) bench.interactiveAt = performance.now();
      else if (mounted.isConnected) requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  }

  mount(Object.fromEntries(params));
})();
