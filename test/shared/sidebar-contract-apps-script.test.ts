import { build } from 'esbuild';
import { createContext, runInContext } from 'node:vm';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as Contract from '../../shared/sidebar-contract';

/**
 * The add-on parses the browser's arguments with this contract inside Apps Script, whose V8 has the
 * ECMAScript built-ins but no URL, TextEncoder or other web globals. Bundled and run in a bare vm
 * context, the contract must still accept good input and refuse bad input.
 */
let contract: typeof Contract;

beforeAll(async () => {
  const result = await build({
    stdin: { contents: "import * as contract from './shared/sidebar-contract'; globalThis.contract = contract;", resolveDir: fileURLToPath(new URL('../../', import.meta.url)), loader: 'ts' },
    bundle: true,
    format: 'iife',
    target: 'es2019',
    write: false,
    logLevel: 'silent',
  });
  const context = createContext({});
  runInContext(result.outputFiles[0]?.text ?? '', context);
  contract = (context as { contract: typeof Contract }).contract;
  expect(runInContext('typeof URL', context)).toBe('undefined');
});

describe('the sidebar contract in an Apps Script-like runtime', () => {
  it('accepts a server URL and a key, and refuses a bad URL with its reason', () => {
    const handler = (input: Contract.CallInput<'saveConnectionSettings'>) => ({ serverUrl: input.serverUrl, language: input.language });
    expect(contract.handleSidebarCall('saveConnectionSettings', { serverUrl: 'https://sync.example.com/', apiKey: 'ss_live_0001', language: 'ko' }, handler)).toEqual({
      ok: true,
      value: { serverUrl: 'https://sync.example.com/', language: 'ko' },
    });
    expect(contract.handleSidebarCall('saveConnectionSettings', { serverUrl: 'http://127.0.0.1:8080', language: 'en' }, handler).ok).toBe(true);
    expect(contract.handleSidebarCall('saveConnectionSettings', { serverUrl: 'javascript:alert(1)', language: 'ko' }, handler)).toEqual({
      ok: false,
      error: { code: 'error.VALIDATION', params: { field: 'serverUrl', problem: 'must be an http or https URL' } },
    });
  });

  it('checks a label URL and times in a result', () => {
    const reply = contract.handleSidebarCall('printLabels', { carrier: 'cj' }, () => ({ url: 'https://sync.example.com/v1/labels/abc.pdf?sig=x', expiresAt: '2025-11-26T10:00:00+09:00', labels: 3, issued: [] }));
    expect(reply.ok).toBe(true);
  });
});
