import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createContext, runInContext, type Context } from 'node:vm';
import { createGas, type GasEnvironment, type GasOptions } from '../../support/gas';
import { REPO_ROOT } from '../../server/support/child';

/** `npm run build`'s add-on output, built into a private folder (test files run in parallel). */
export async function buildAddonBundle(): Promise<{ dir: string; remove(): void }> {
  const root = join(REPO_ROOT, 'test-output', 'bundles');
  mkdirSync(root, { recursive: true });
  const scratch = mkdtempSync(join(root, 'addon-'));
  await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'build/build.mjs'), 'addon'], { cwd: REPO_ROOT, env: { ...process.env, SHEETSHIP_DIST: scratch } });
  return { dir: join(scratch, 'addon'), remove: () => rmSync(scratch, { recursive: true, force: true }) };
}

export interface LoadedBundle {
  gas: GasEnvironment;
  context: Context;
  /** Calls a top-level function of the bundle, as Apps Script does for a menu item, a trigger or google.script.run. */
  call(name: string, ...args: unknown[]): unknown;
  has(name: string): boolean;
}

/**
 * Loads dist/addon/Code.js into a node:vm context whose only globals are the Apps Script fakes: no
 * require, process, Buffer, setTimeout or fetch, as in Apps Script's V8. The HTML files come from the
 * same build, for HtmlService.createHtmlOutputFromFile.
 */
export function loadBundle(dir: string, options: GasOptions = {}): LoadedBundle {
  const gas = createGas({ htmlDirectories: [dir], ...options });
  const context = createContext({ ...gas.globals });
  runInContext(readFileSync(join(dir, 'Code.js'), 'utf8'), context, { filename: 'Code.js' });
  const global = context as Record<string, unknown>;
  return {
    gas,
    context,
    has: (name) => typeof global[name] === 'function',
    call(name, ...args) {
      const fn = global[name];
      if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
      return (fn as (...values: unknown[]) => unknown)(...args);
    },
  };
}
