import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { GasBackend } from './backend';
import { installGasShim } from './gas-shim';

/** Debian's chromium; SHEETSHIP_CHROMIUM points elsewhere (or nowhere, to try the skip). */
export const CHROMIUM_PATH = process.env['SHEETSHIP_CHROMIUM'] ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const root = fileURLToPath(new URL('../../../', import.meta.url));
export const TEST_OUTPUT = join(root, 'test-output');

const chromiumMissing = !existsSync(CHROMIUM_PATH);
const MISSING_NOTICE = `${CHROMIUM_PATH} was not found. Install Debian's package "chromium" (apt-get install chromium) to run the sidebar tests in real Chromium.`;

/** Off CI, a machine without Chromium skips the browser suite with a notice; with CI=true it runs and fails. */
export const skipBrowserSuite = chromiumMissing && process.env['CI'] !== 'true';
if (skipBrowserSuite) console.warn(`[browser tests skipped] ${MISSING_NOTICE}`);

/** Builds the add-on into a private folder (test files run in parallel) and returns its dist/addon. */
async function buildAddon(into: string): Promise<string> {
  await promisify(execFile)(process.execPath, [join(root, 'build/build.mjs'), 'addon'], { cwd: root, env: { ...process.env, SHEETSHIP_DIST: into } });
  return join(into, 'addon');
}

/** Serves the built pages, and stands in for the server's signed label URL. */
async function serve(addonDir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const page = /^\/(Sidebar|Settings)\.html$/.exec(path);
    if (page) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(readFileSync(join(addonDir, `${page[1]}.html`)));
    } else if (path.startsWith('/labels/')) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><title>labels</title><p>label PDF stand-in</p>');
    } else if (path === '/favicon.ico') {
      response.writeHead(204).end();
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * A seller's machine has a Korean system font (Malgun Gothic, Apple SD Gothic Neo); this one may not, so
 * Chromium gets Pretendard (an npm dependency already) through fontconfig. The page itself is unchanged.
 */
function fontConfig(dir: string): string {
  const fonts = join(root, 'node_modules/pretendard/dist/public/static');
  const file = join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${fonts}</dir>\n  <cachedir>${join(dir, 'fontconfig-cache')}</cachedir>\n</fontconfig>\n`,
  );
  return file;
}

async function answer(backend: GasBackend, name: string, argumentsJson: string): Promise<string> {
  const args = JSON.parse(argumentsJson) as unknown[];
  try {
    const value = await backend.call(name, args[0]);
    // google.script.run fails on a Date in a result, even nested; JSON.stringify would hide it.
    const illegal = illegalValue(value, 'result');
    if (illegal) return JSON.stringify({ error: `Failed due to illegal value in property: ${illegal}` });
    return JSON.stringify({ value: value ?? null });
  } catch (error) {
    return JSON.stringify({ error: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined });
  }
}

function illegalValue(value: unknown, path: string): string | null {
  if (value instanceof Date || typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') return path;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = illegalValue(inner, `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

export interface OpenPage {
  page: Page;
  /** Uncaught exceptions and console errors in the page. */
  errors: string[];
  hostCloses: () => number;
}

export interface BrowserHarness {
  origin: string;
  open(backend: GasBackend, options?: { file?: 'Sidebar.html' | 'Settings.html'; width?: number; height?: number; beforeLoad?: (page: Page) => Promise<unknown> }): Promise<OpenPage>;
  close(): Promise<void>;
}

/** Builds the pages, serves them on loopback and starts Chromium with a fresh profile. */
export async function startBrowserHarness(): Promise<BrowserHarness> {
  if (chromiumMissing) throw new Error(`CI=true, so the browser suite must run, but ${MISSING_NOTICE}`);
  const scratch = mkdtempSync(join(tmpdir(), 'sheetship-browser-'));
  const addonDir = await buildAddon(join(scratch, 'dist'));
  const { server, origin } = await serve(addonDir);
  mkdirSync(join(scratch, 'profile'));
  const context: BrowserContext = await chromium.launchPersistentContext(join(scratch, 'profile'), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, FONTCONFIG_FILE: fontConfig(scratch) },
    viewport: { width: 300, height: 760 },
    deviceScaleFactor: 2,
  });
  return {
    origin,
    async open(backend, options = {}) {
      const page = await context.newPage();
      await page.setViewportSize({ width: options.width ?? 300, height: options.height ?? 760 });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (entry) => {
        if (entry.type() === 'error') errors.push(entry.text());
      });
      let closes = 0;
      await page.exposeFunction('__sheetshipGasCall', (name: string, argumentsJson: string) => answer(backend, name, argumentsJson));
      await page.exposeFunction('__sheetshipHostClose', () => {
        closes += 1;
      });
      await page.addInitScript(installGasShim);
      await options.beforeLoad?.(page);
      await page.goto(`${origin}/${options.file ?? 'Sidebar.html'}`);
      return { page, errors, hostCloses: () => closes };
    },
    async close() {
      await context.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** One harness for the test file's suite: started before its tests, closed after them. */
export function useBrowserHarness(): () => BrowserHarness {
  let harness: BrowserHarness | undefined;
  beforeAll(async () => {
    harness = await startBrowserHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });
  return () => {
    if (!harness) throw new Error('the browser harness did not start');
    return harness;
  };
}
