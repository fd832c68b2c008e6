/** Markdown helpers for RESULTS.md. */

/** A Markdown table from a header row and body rows. */
export function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.map(String).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** "meets" / "misses" (or "not measured" when the value is missing). */
export function verdict(ok: boolean | undefined): string {
  return ok === undefined ? 'not measured' : ok ? '**meets**' : '**misses**';
}

/** Reads JSON when the file exists. */
export async function readJson<T>(file: string): Promise<T | undefined> {
  const { existsSync, readFileSync } = await import('node:fs');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}
