import { register } from 'node:module';

// The store imports its Lua scripts as text (esbuild's text loader in the build, a plugin in vitest). Under
// tsx this module hook does the same, so a bench runs exactly the scripts the server runs. Register it
// before importing anything from server/.
const HOOK = `
import { readFile } from 'node:fs/promises';
export async function load(url, context, next) {
  if (!url.endsWith('.lua')) return next(url, context);
  const text = await readFile(new URL(url), 'utf8');
  return { format: 'module', shortCircuit: true, source: 'export default ' + JSON.stringify(text) + ';' };
}`;

export function registerLuaAsText(): void {
  register(`data:text/javascript,${encodeURIComponent(HOOK)}`);
}
