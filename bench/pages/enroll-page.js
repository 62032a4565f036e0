/**
 * The bench's host page for `<verifik-enroll>` (a classic script, so it runs before the widget's
 * module): builds the element from the query string (`project`, `flow`, `api-url`, `lang`,
 * `persist`, `token-endpoint`), records every `verifik-*` event with its time, and notes when the
 * first input of the first step is rendered and enabled (`window.bench.interactiveAt`, ms since
 * navigation start, checked once per animation frame). `bench.liveTracks()` counts the camera
 * tracks the page opened that are still live.
 */
(() => {
  const params = new URLSearchParams(location.search);
  const events = [];
  const streams = [];
  const bench = {
    events,
    readyAt: undefined,
    interactiveAt: undefined,
    liveTracks: () =>
      streams.flatMap((stream) => stream.getTracks()).filter((track) => track.readyState === 'live').length,
    openedStreams: () => streams.length,
  };
  window.bench = bench;

  if (navigator.mediaDevices) {
    const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await getUserMedia(constraints);
      streams.push(stream);
      return stream;
    };
  }

  const element = document.createElement('verifik-enroll');
  for (const name of ['project', 'flow', 'api-url', 'lang', 'persist', 'token-endpoint']) {
    const value = params.get(name);
    if (value !== null) element.setAttribute(name, value);
  }
  for (const type of [
    'verifik-ready',
    'verifik-step-change',
    'verifik-step-complete',
    'verifik-complete',
    'verifik-error',
    'verifik-cancel',
  ]) {
    element.addEventListener(type, (event) => {
      events.push({ type, at: performance.now(), detail: event.detail });
      if (type === 'verifik-ready') bench.readyAt ??= performance.now();
    });
  }
  // A completed flow stays on the page (the bench reads what happened).
  element.addEventListener('verifik-complete', (event) => event.preventDefault());
  document.body.append(element);

  const firstInput = () => element.shadowRoot?.querySelector('[data-step]')?.shadowRoot?.querySelector('input');
  const watch = () => {
    const input = firstInput();
    if (input && !input.disabled && input.getClientRects().length > 0) bench.interactiveAt = performance.now();
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
})();
