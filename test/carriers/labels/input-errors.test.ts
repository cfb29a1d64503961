import { describe, expect, it } from 'vitest';
import { LabelInputError, MAX_LABELS_PER_BATCH, openLabelPdf, renderLabels, type LabelData } from '../../../server/carriers/labels';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { cjLabel } from './fixtures';

const masking = DEFAULT_SETTINGS.masking;

async function refusal(labels: readonly LabelData[], options: Partial<Parameters<typeof renderLabels>[1]> = {}): Promise<LabelInputError> {
  const error: unknown = await renderLabels(labels, { masking, ...options }).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof LabelInputError)) throw new Error(`expected a LabelInputError, got ${String(error)}`);
  return error;
}

describe('renderer input errors', () => {
  it('names the label and the field of a bad tracking number, with the carrier rule it broke', async () => {
    const error = await refusal([cjLabel(), cjLabel({ carrier: 'lotte', trackingNumber: '402463600010', sort: undefined })]);
    expect(error.field).toBe('labels[1].trackingNumber');
    expect(error.problem).toContain('CHECK_DIGIT');
  });

  it('names nested fields: a box index beyond the box count, an empty item list, a bad phone', async () => {
    expect((await refusal([cjLabel({ package: { index: 3, count: 2 } })])).field).toBe('labels[0].package.index');
    expect((await refusal([cjLabel({ items: [] })])).field).toBe('labels[0].items');
    const receiver = { ...cjLabel().receiver, phone: 'call me' };
    expect((await refusal([cjLabel(), cjLabel(), cjLabel({ receiver })])).field).toBe('labels[2].receiver.phone');
  });

  it('refuses an empty or oversized batch before rendering anything', async () => {
    expect((await refusal([])).field).toBe('labels');
    const tooMany = Array.from({ length: MAX_LABELS_PER_BATCH + 1 }, () => cjLabel());
    expect((await refusal(tooMany)).problem).toContain(String(MAX_LABELS_PER_BATCH));
  });

  it('refuses Hangul in the Helvetica text-only mode, naming the field, instead of printing garbage', async () => {
    const error = await refusal([cjLabel()], { textOnly: true, language: 'en' });
    expect(error.field).toMatch(/^labels\[0\]\./);
    await expect(openLabelPdf([cjLabel()], { masking, textOnly: true, language: 'ko' })).rejects.toThrow(/options\.language/);
  });

  it('refuses a masking rule it does not know rather than printing the full name', async () => {
    const masking = JSON.parse('{"name": "initials", "phone": "last4"}') as Parameters<typeof renderLabels>[1]['masking'];
    const error = await refusal([cjLabel()], { masking });
    expect(error.field).toBe('options.masking');
  });
});
