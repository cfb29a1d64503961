import { describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../shared/api/common';
import { SettingsResponseSchema } from '../../shared/api/settings';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { call, provisionSeller, startTestServer } from './support/harness';

const server = await startTestServer();

describe('settings', () => {
  it('starts from the defaults and merges a partial update', async () => {
    const seller = await provisionSeller(server);
    const initial = SettingsResponseSchema.parse((await call(server, 'GET', '/v1/settings', { key: seller.key })).body);
    expect(initial.settings).toEqual(DEFAULT_SETTINGS);

    const patched = await call(server, 'PATCH', '/v1/settings', {
      key: seller.key,
      body: { returnPolicy: 'quarantine', masking: { phone: 'none' }, cutoffs: { cj: '16:30' } },
    });
    expect(patched.status).toBe(200);
    const expected = { ...DEFAULT_SETTINGS, returnPolicy: 'quarantine', masking: { name: 'middle', phone: 'none' }, cutoffs: { cj: '16:30' } };
    expect(SettingsResponseSchema.parse(patched.body).settings).toEqual(expected);
    expect(SettingsResponseSchema.parse((await call(server, 'GET', '/v1/settings', { key: seller.key })).body).settings).toEqual(expected);
  });

  it('refuses an invalid patch naming the field, and changes nothing', async () => {
    const seller = await provisionSeller(server);
    const answer = await call(server, 'PATCH', '/v1/settings', { key: seller.key, body: { autoConfirm: false, cutoffs: { cj: '25:00' } } });
    expect(answer.status).toBe(400);
    const error = ErrorBodySchema.parse(answer.body).error;
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('cutoffs.cj');
    expect(SettingsResponseSchema.parse((await call(server, 'GET', '/v1/settings', { key: seller.key })).body).settings).toEqual(DEFAULT_SETTINGS);
  });
});
