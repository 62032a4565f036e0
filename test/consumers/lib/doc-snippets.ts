import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');

export interface Snippet {
  file: string;
  line: number;
  lang: string;
  code: string;
}

/** The fenced blocks of a Markdown file (indented ones too, as in lists). */
export function snippets(file: string): Snippet[] {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  const found: Snippet[] = [];
  for (let index = 0; index < lines.length; index++) {
    const open = /^(\s*)```(\S*)/.exec(lines[index]!);
    if (!open) continue;
    const [, indent = '', lang = ''] = open;
    const start = index;
    const body: string[] = [];
    while (++index < lines.length && !/^\s*```\s*$/.test(lines[index]!)) body.push(lines[index]!.slice(indent.length));
    found.push({ file, line: start + 1, lang, code: body.join('\n') });
  }
  return found;
}
