/**
 * Where face-api, its wasm and its models are served by default: the `face/` folder beside the
 * script that loaded the widget. The build rewrites this expression to point at the folder it
 * copies them into (scripts/face-assets.mjs); `assets-url` overrides it.
 */
export const DEFAULT_ASSETS_URL: string = new URL('./face/', import.meta.url).href;
