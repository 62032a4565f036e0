/**
 * The CDN's one `<script src>`: a classic script (so the documented snippet, with or without
 * `type="module"`, keeps working) that imports the widget's ES modules from the folder it was
 * loaded from. Rollup writes those modules with content hashes in their names (cacheable for
 * good); this plugin writes the script that names the entry, once the bundle knows its name.
 */

/** The classic script's text: imports `entry` resolved against the script's own URL. */
const loaderSource = (entry) =>
  // `document.currentScript` is the tag running this code (null only inside a module script,
  // where `import.meta` is not available to a classic script either: then the page's base URL).
  `/*! verifik-enroll: loads ${entry} from beside this script */\n` +
  `(()=>{const s=document.currentScript;import(new URL(${JSON.stringify(`./${entry}`)},s&&s.src||document.baseURI).href).catch(e=>console.error("verifik-enroll: the widget's code did not load",e))})();\n`;

/** Rollup plugin: emits `fileName`, the classic script that loads the build's one entry chunk. */
export function cdnLoaderPlugin({ fileName = 'verifik-enroll.js' } = {}) {
  return {
    name: 'verifik-cdn-loader',
    generateBundle(_options, bundle) {
      const entries = Object.values(bundle).filter((chunk) => chunk.type === 'chunk' && chunk.isEntry);
      if (entries.length !== 1) this.error(`the CDN build needs one entry chunk, not ${entries.length}`);
      this.emitFile({ type: 'asset', fileName, source: loaderSource(entries[0].fileName) });
    },
  };
}
