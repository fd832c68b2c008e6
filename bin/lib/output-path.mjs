/**
 * Checks, before any analysis starts, that a result file can be written: its folder exists, is a
 * folder and is writable, and the path is not itself a folder. A run of minutes should not end in
 * "cannot write the report".
 */
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Returns a sentence saying why `path` cannot be written, or undefined when it can.
 * @param {string} path
 * @param {string} flag the option that named it, for the message
 * @returns {string | undefined}
 */
export function outputProblem(path, flag) {
  const full = resolve(path);
  const dir = dirname(full);
  let st;
  try {
    st = statSync(dir);
  } catch {
    return `${flag} ${path}: the folder "${dir}" does not exist. Create it first or choose another path.`;
  }
  if (!st.isDirectory()) return `${flag} ${path}: "${dir}" is not a folder.`;
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    return `${flag} ${path}: the folder "${dir}" is not writable. Choose another path.`;
  }
  try {
    if (statSync(full).isDirectory()) return `${flag} ${path}: that is a folder; give a file name inside it.`;
  } catch {
    // Does not exist yet: it will be created.
  }
  return undefined;
}
