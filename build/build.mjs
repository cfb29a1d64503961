// Builds the server (dist/server) and the add-on (dist/addon) with esbuild.
// The add-on bundle is an IIFE; Apps Script only sees top-level functions, so a forwarder is appended for
// exactly the names addon/index.ts exports (read from esbuild's metafile, not from a hand-kept list).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// SHEETSHIP_DIST lets a test build into its own folder, so test files running in parallel never share one.
const distRoot = process.env.SHEETSHIP_DIST ?? join(root, 'dist');
const out = (...parts) => join(distRoot, ...parts);

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

/** HtmlService serves one file per page, so each page's script and stylesheet are inlined into its template. */
const HTML_PAGES = [
  { template: 'addon/sidebar/Sidebar.html', css: 'addon/sidebar/sidebar.css', script: 'addon/sidebar/main.ts', output: 'Sidebar.html' },
  { template: 'addon/dialogs/Settings.html', css: 'addon/sidebar/sidebar.css', script: 'addon/sidebar/settings-dialog.ts', output: 'Settings.html' },
];

async function pageScript(entry) {
  if (!existsSync(entry)) return '';
  const result = await build({ entryPoints: [entry], bundle: true, format: 'iife', target: 'es2019', write: false, minify: true, logLevel: 'warning' });
  return result.outputFiles[0]?.text ?? '';
}

async function buildPage(page) {
  const template = join(root, page.template);
  if (!existsSync(template)) return;
  const css = existsSync(join(root, page.css)) ? readFileSync(join(root, page.css), 'utf8') : '';
  const js = await pageScript(join(root, page.script));
  const html = readFileSync(template, 'utf8')
    .replace('/*INLINE_CSS*/', () => css)
    .replace('/*INLINE_JS*/', () => js.replace(/<\/script/gi, '<\\/script'));
  writeFileSync(out('addon', page.output), html);
}

/**
 * zod re-exports every locale as a namespace (`z.locales`), which defeats tree shaking: a third of the add-on
 * bundle would be error texts in 50 languages that Apps Script parses on every call. The add-on only ever uses
 * English (zod's default) and Korean, so its bundle gets an index of those two.
 */
const zodLocalesEnKo = {
  name: 'zod-locales-en-ko',
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${join('node_modules', 'zod')}`) ? { path: join(dirname(args.importer), args.path), namespace: 'zod-locales' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(join(dirname(args.path), 'en.js'))};\nexport { default as ko } from ${JSON.stringify(join(dirname(args.path), 'ko.js'))};\n`,
      resolveDir: dirname(args.path),
    }));
  },
};

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
    plugins: [zodLocalesEnKo],
    footer: { js: `\n// Apps Script entry points (generated from addon/index.ts exports)\n${forwarders}\n` },
    logLevel: 'warning',
  });
  for (const page of HTML_PAGES) await buildPage(page);
  copyFileSync(join(root, 'appsscript.json'), out('addon', 'appsscript.json'));
}

const only = process.argv[2];
if (!only || only === 'server') await buildServer();
if (!only || only === 'addon') await buildAddon();
