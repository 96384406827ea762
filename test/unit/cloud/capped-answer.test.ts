// The answer body the SDK reads (capped-answer.ts): every byte up to the cap, in order; an error
// and a hang-up past it; the response's own failure named as the transport says.
import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CappedAnswer } from '../../../electron/core/cloud/capped-answer';

/** Stands in for an IncomingMessage: a stream with `complete` set when it has ended. */
function response(): PassThrough & { complete: boolean } {
  const res = Object.assign(new PassThrough(), { complete: false });
  res.once('end', () => (res.complete = true));
  return res;
}

const errors = {
  tooLarge: () => new Error('too large'),
  failed: (error: unknown) => new Error(`failed: ${(error as Error).message}`),
};

/** Reads like darabonba's Stream.readAsBytes: 'data' until 'end' or 'error'. */
function readAll(stream: CappedAnswer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

describe('CappedAnswer', () => {
  it('hands over every byte up to the cap, in order, also when written before the reader came', async () => {
    const res = response();
    const body = new CappedAnswer(res as unknown as IncomingMessage, errors, 64 * 1024);
    const sent = Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => i % 251));
    // Written before anyone reads, in chunks, more than one highWaterMark: nothing is lost.
    for (let at = 0; at < sent.length; at += 1000) res.write(sent.subarray(at, at + 1000));
    res.end();
    await new Promise((r) => setTimeout(r, 10));
    const got = await readAll(body);
    expect(got.equals(sent)).toBe(true);
  });

  it('fails with the cap error one byte past the cap, and hangs up on the rest', async () => {
    const res = response();
    const body = new CappedAnswer(res as unknown as IncomingMessage, errors, 1000);
    const reading = readAll(body);
    res.write(Buffer.alloc(600));
    res.write(Buffer.alloc(401));
    await expect(reading).rejects.toThrow('too large');
    expect(res.destroyed).toBe(true);
  });

  it("fails with the transport's words when the response fails", async () => {
    const res = response();
    const body = new CappedAnswer(res as unknown as IncomingMessage, errors, 1000);
    const reading = readAll(body);
    res.write(Buffer.alloc(10));
    res.destroy(new Error('socket hang up'));
    await expect(reading).rejects.toThrow('failed: socket hang up');
  });
});
