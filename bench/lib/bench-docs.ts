import { readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { kb } from './gzip.js';
import { markdownSection, replaceSection, type Report } from './report.js';

/**
 * The figures the docs quote, regenerated from a bench report (`bench/results.json`) and never
 * typed by hand: the README's Benchmark section (between its markers) and every inline figure
 * marked `<!-- figure:NAME -->…<!-- /figure -->` in the files of {@link BENCH_DOCS}.
 */
export const BENCH_DOCS = ['README.md', 'docs/integration.md'];

/** `report.measurements[measurement].data` followed along `path`; throws naming what is missing. */
function read(report: Report, measurement: string, path: string): number {
  let value: unknown = report.measurements[measurement]?.data;
  for (const key of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
  if (typeof value !== 'number') {
    throw new Error(`the bench report has no number at ${measurement}.data.${path}: run npm run bench`);
  }
  return value;
}

/** Each inline figure's text, by name. */
export const FIGURES: Record<string, (report: Report) => string> = {
  'core-loader': (report) => `${kb(read(report, 'bytes', 'core.gzipBytes'))} KB`,
  'first-screen': (report) => `${kb(read(report, 'bytes', 'firstStepBasic.gzipBytes'))} KB`,
  'face-path': (report) => `${kb(read(report, 'bytes', 'liveness.gzipBytes'))} KB`,
  'detection-p50': (report) => `${Math.round(read(report, 'guidance', 'perFrameMs.ours.p50'))} ms`,
  'first-step': (report) => `${Math.round(read(report, 'firstStep', 'medianMs.navigationToInteractive'))} ms`,
};

const FIGURE = /<!-- figure:([\w-]+) -->(.*?)<!-- \/figure -->/g;

/** `text` with every inline figure rewritten from `report`; throws on a figure name it does not know. */
export function fillFigures(text: string, report: Report): string {
  return text.replace(FIGURE, (_marker, name: string) => {
    const figure = FIGURES[name];
    if (!figure) throw new Error(`unknown figure "${name}": use ${Object.keys(FIGURES).join(', ')}`);
    return `<!-- figure:${name} -->${figure(report)}<!-- /figure -->`;
  });
}

/** A doc's text as the report says it should read (the README also gets its Benchmark section). */
export function regenerateDoc(file: string, text: string, report: Report): string {
  const filled = fillFigures(text, report);
  return file === 'README.md' ? replaceSection(filled, markdownSection(report)) : filled;
}

/**
 * Rewrites {@link BENCH_DOCS} from `report`, formatted as the repository's Prettier settings want;
 * with `check`, writes nothing and answers the files that are stale.
 */
export async function writeBenchDocs(report: Report, { check = false } = {}): Promise<string[]> {
  if (report.mode !== 'full') throw new Error('the docs quote a full bench run, not a smoke run');
  const stale: string[] = [];
  for (const file of BENCH_DOCS) {
    const text = readFileSync(file, 'utf8');
    const options = { ...(await prettier.resolveConfig(file)), filepath: file };
    const regenerated = await prettier.format(regenerateDoc(file, text, report), options);
    if (regenerated === text) continue;
    stale.push(file);
    if (!check) writeFileSync(file, regenerated);
  }
  return stale;
}
