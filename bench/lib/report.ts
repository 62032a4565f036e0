import type { MeasurementResult, Row } from './types.js';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGB: number;
  os: string;
  node: string;
  chromium: string;
}

export interface Report {
  date: string;
  mode: 'full' | 'smoke';
  seconds: number;
  machine: Machine;
  measurements: Record<string, MeasurementResult & { title: string; seconds: number; error?: string }>;
}

const mark = (row: Row) => (row.met === undefined ? '' : row.met ? 'met' : 'MISSED');

/** One row whose figure missed its target. */
export interface Miss {
  measurement: string;
  metric: string;
  value: string;
  target: string;
}

/** Every row of the run that missed its target, in table order. */
export function missedTargets(report: Report): Miss[] {
  return Object.values(report.measurements).flatMap((measurement) =>
    measurement.rows
      .filter((row) => row.met === false)
      .map((row) => ({
        measurement: measurement.title,
        metric: row.metric,
        value: row.value,
        target: row.target ?? '',
      })),
  );
}

/** One line per missed target (or that none was missed), for the terminal and the README. */
const missLines = (report: Report, format: (miss: Miss) => string): string[] => {
  const misses = missedTargets(report);
  return misses.length === 0
    ? ['Every target was met.']
    : [`Missed targets (${misses.length}):`, ...misses.map(format)];
};

/** The machine, as the tables state it. */
const machineLine = ({ machine }: Report) =>
  `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, ${machine.os}, Node ${machine.node}, ${machine.chromium} headless`;

/** Plain-text table for the terminal: one block per measurement. */
export function textTable(report: Report): string {
  const lines: string[] = [`Machine: ${machineLine(report)}`];
  const rows = Object.values(report.measurements).flatMap((m) => m.rows);
  const width = Math.max(10, ...rows.map((row) => row.metric.length));
  const valueWidth = Math.min(20, Math.max(8, ...rows.map((row) => row.value.length)));
  for (const [id, measurement] of Object.entries(report.measurements)) {
    lines.push('', `${measurement.title} (${id}, ${measurement.seconds} s)`);
    if (measurement.error) lines.push(`  ERROR ${measurement.error}`);
    if (measurement.skipped) lines.push(`  skipped: ${measurement.skipped}`);
    for (const row of measurement.rows) {
      const target = row.target ? `  target ${row.target} ${mark(row)}` : '';
      lines.push(`  ${row.metric.padEnd(width)}  ${row.value.padStart(valueWidth)}${target}`);
    }
    for (const problem of measurement.problems) lines.push(`  PROBLEM ${problem}`);
  }
  lines.push('', ...missLines(report, (miss) => `  MISSED ${miss.metric}: ${miss.value}, target ${miss.target}`));
  return lines.join('\n');
}

const cell = (text: string) => text.replaceAll('|', '\\|');

/** The README's Benchmark section body (Markdown), between its markers. */
export function markdownSection(report: Report): string {
  const lines = [
    `Measured by \`npm run bench\` on ${report.date.slice(0, 10)}: ${machineLine(report)} ` +
      `(the whole run took ${Math.round(report.seconds)} s). Other work ran on the machine at the same time: ` +
      'read medians and ratios, not single numbers. Sizes are min+gzip (gzip level 9) of what Chromium ' +
      'actually fetched; 1 KB = 1000 bytes. Raw figures: `bench/results.json`.',
    '',
    ...missLines(
      report,
      (miss) => `- **missed:** ${cell(miss.metric)}: ${cell(miss.value)} (target ${cell(miss.target)})`,
    ),
    '',
    '| measurement | figure | value | target |',
    '| --- | --- | --- | --- |',
  ];
  for (const measurement of Object.values(report.measurements)) {
    if (measurement.skipped || measurement.error) {
      lines.push(
        `| ${cell(measurement.title)} | not measured | ${cell(measurement.skipped ?? measurement.error ?? '')} | |`,
      );
      continue;
    }
    measurement.rows.forEach((row, index) => {
      const target = row.target ? `${cell(row.target)} — ${row.met === false ? '**missed**' : mark(row)}` : '';
      const title = index === 0 ? `**${cell(measurement.title)}**` : '';
      lines.push(`| ${title} | ${cell(row.metric)} | ${cell(row.value)} | ${target} |`);
    });
  }
  return lines.join('\n');
}

export const README_START = '<!-- bench:start (written by npm run bench) -->';
export const README_END = '<!-- bench:end -->';

/** `readme` with the text between the bench markers replaced by `section`; throws when the markers are missing. */
export function replaceSection(readme: string, section: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${README_START} … ${README_END} markers`);
  return `${readme.slice(0, start + README_START.length)}\n\n${section}\n\n${readme.slice(end)}`;
}
