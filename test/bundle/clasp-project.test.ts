import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../server/support/child';
import { buildAddonBundle } from './support/bundle';

let built: { dir: string; remove(): void };
beforeAll(async () => {
  built = await buildAddonBundle();
});
afterAll(() => built.remove());

describe('the clasp project', () => {
  it('pushes from dist/addon, and npm run addon:push builds first and replaces the remote manifest', () => {
    const clasp = JSON.parse(readFileSync(join(REPO_ROOT, '.clasp.json'), 'utf8')) as Record<string, unknown>;
    expect(clasp['rootDir']).toBe('dist/addon');
    const scripts = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['addon:push']).toBe('node build/build.mjs addon && clasp push --force');
  });

  it('clasp (the devDependency) would push exactly the bundle, the two pages and the manifest', async () => {
    // The same project file shape, pointed at this test's build; no Google account is needed to list files.
    const home = mkdtempSync(join(tmpdir(), 'sheetship-clasp-home-'));
    const project = join(built.dir, '..', '.clasp.json');
    writeFileSync(project, JSON.stringify({ scriptId: 'test-script-id', rootDir: 'addon' }));
    try {
      const { stdout } = await promisify(execFile)(join(REPO_ROOT, 'node_modules/.bin/clasp'), ['--project', project, 'show-file-status'], { cwd: REPO_ROOT, env: { ...process.env, HOME: home } });
      const tracked = stdout.split('Untracked files:')[0] ?? '';
      const files = [...tracked.matchAll(/└─ (\S+)/g)].map((match) => match[1]?.split('/').at(-1)).sort();
      expect(files).toEqual(['Code.js', 'Settings.html', 'Sidebar.html', 'appsscript.json']);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
