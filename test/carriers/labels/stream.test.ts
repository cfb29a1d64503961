import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { openLabelPdf } from '../../../server/carriers/labels';
import { sampleLabels } from '../../../server/carriers/labels/sample';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { pdfText } from './pdf-tools';

const turns = async (count: number): Promise<void> => {
  for (let turn = 0; turn < count; turn += 1) await new Promise<void>((resolve) => setImmediate(resolve));
};

describe('label PDF stream', () => {
  it('renders only as fast as it is read, and a slow reader still gets every page', async () => {
    const labels = sampleLabels(300);
    const stream = await openLabelPdf(labels, { masking: DEFAULT_SETTINGS.masking });
    stream.pause();
    // Nobody reads yet: rendering stops once the stream's buffer is full instead of laying out all 300 pages.
    await turns(50);
    expect(stream.readableLength).toBeLessThan(64 * 1024);

    const chunks: Buffer[] = [];
    await pipeline(
      stream,
      new Writable({
        highWaterMark: 4 * 1024,
        write(chunk: Buffer, _encoding, done) {
          chunks.push(chunk);
          setImmediate(done);
        },
      }),
    );
    const pdf = Buffer.concat(chunks);
    expect(pdf.length).toBeGreaterThan(256 * 1024);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    const pages = await pdfText(pdf);
    expect(pages).toHaveLength(300);
    expect(pages[297]?.runs).toContain('6012-3456-8097');
  });
});
