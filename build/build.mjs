// Builds the server (dist/server) and the add-on (dist/addon) with esbuild.
// The add-on bundle is an IIFE; Apps Script only sees top-level functions, so a forwarder is appended for
// exactly the names addon/index.ts exports (read from esbuild's metafile, not from a hand-kept list).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = (...parts) => join(root, 'dist', ...parts);

async function buildServer() {
  rmSync(out('server'), { recursive: true, force: true });
  await build({
    entryPoints: { main: join(root, 'server/main.ts'), seller: join(root, 'server/cli/seller.ts') },
    outdir: out('server'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    loader: { '.lua': 'text' },
    sourcemap: true,
    logLevel: 'warning',
  });
}

async function addonExports() {
  const result = await build({
    entryPoints: [join(root, 'addon/index.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    outfile: 'probe.js',
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0];
  return output ? output.exports : [];
}

async function buildSidebarScript() {
  const entry = join(root, 'addon/sidebar/main.ts');
  if (!existsSync(entry)) return '';
  const result = await build({ entryPoints: [entry], bundle: true, format: 'iife', target: 'es2019', write: false, minify: true, logLevel: 'warning' });
  return result.outputFiles[0]?.text ?? '';
}

async function buildAddon() {
  rmSync(out('addon'), { recursive: true, force: true });
  mkdirSync(out('addon'), { recursive: true });
  const exportsList = await addonExports();
  const forwarders = exportsList
    .map((name) => `function ${name}() { return Sheetship.${name}.apply(this, arguments); }`)
    .join('\n');
  await build({
    entryPoints: [join(root, 'addon/index.ts')],
    outfile: out('addon', 'Code.js'),
    bundle: true,
    format: 'iife',
    globalName: 'Sheetship',
    target: 'es2019',
    footer: { js: `\n// Apps Script entry points (generated from addon/index.ts exports)\n${forwarders}\n` },
    logLevel: 'warning',
  });
  // HTML pages: the sidebar's script and stylesheet are inlined, because HtmlService serves one file.
  const template = join(root, 'addon/sidebar/Sidebar.html');
  if (existsSync(template)) {
    const css = existsSync(join(root, 'addon/sidebar/sidebar.css')) ? readFileSync(join(root, 'addon/sidebar/sidebar.css'), 'utf8') : '';
    const js = await buildSidebarScript();
    const html = readFileSync(template, 'utf8')
      .replace('/*INLINE_CSS*/', () => css)
      .replace('/*INLINE_JS*/', () => js.replace(/<\/script/gi, '<\\/script'));
    writeFileSync(out('addon', 'Sidebar.html'), html);
  }
  copyFileSync(join(root, 'appsscript.json'), out('addon', 'appsscript.json'));
}

const only = process.argv[2];
if (!only || only === 'server') await buildServer();
if (!only || only === 'addon') await buildAddon();
