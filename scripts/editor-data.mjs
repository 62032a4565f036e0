#!/usr/bin/env node
/**
 * Editor and framework data generated from custom-elements.json into `dist/editors/`, so they
 * ship with the package and always match the element's API:
 *   vscode.html-custom-data.json, vscode.css-custom-data.json  VS Code (`html.customData`)
 *   web-types.json                                               JetBrains IDEs (package.json `web-types`)
 *   jsx.d.ts                                                     JSX typings of the tag (Preact, Solid, React without the wrapper)
 *   vue.d.ts                                                     Vue templates (`GlobalComponents`)
 */
import { readFileSync } from 'node:fs';
import { generateJsxTypes } from '@wc-toolkit/jsx-types';
import { generateJetBrainsWebTypes } from 'custom-element-jet-brains-integration';
import { generateVsCodeCustomElementData } from 'custom-element-vs-code-integration';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const outdir = 'dist/editors';
// The element class, for the typings: from the package's declarations, relative to dist/editors/.
const globalTypePath = '../index.js';

generateVsCodeCustomElementData(manifest, {
  outdir,
  htmlFileName: 'vscode.html-custom-data.json',
  cssFileName: 'vscode.css-custom-data.json',
  hideLogs: true,
});
generateJetBrainsWebTypes(manifest, { outdir, webTypesFileName: 'web-types.json', hideLogs: true });
generateJsxTypes(manifest, { outdir, fileName: 'jsx.d.ts', globalTypePath });
generateVuejsTypes(manifest, { outdir, fileName: 'vue.d.ts', globalTypePath, hideLogs: true });
