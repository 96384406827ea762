// The body of one cloud answer as the SDK reads it: the response's bytes, but never more than
// MAX_ANSWER_BYTES (a proxy or gateway answering with something endless must not fill memory).
// One Readable fed by the response's own 'data' events, in place of a Transform the response
// was piped into: a refresh reads ~800 answers and the refresh is CPU-bound in this one thread,
// so the fewer stream objects and listeners per answer the better. An answer with a declared
// length within the cap needs none of this (transport.ts hands the SDK the response itself).
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { MAX_ANSWER_BYTES } from './transport-errors';

export interface CappedAnswerErrors {
  /** The error to fail with once the answer passes the cap. */
  tooLarge(): Error;
  /** The error to fail with when the response fails (the transport names proxy and host). */
  failed(error: unknown): Error;
}

export class CappedAnswer extends Readable {
  private seen = 0;

  constructor(
    private readonly res: IncomingMessage,
    errors: CappedAnswerErrors,
    private readonly cap = MAX_ANSWER_BYTES,
  ) {
    super();
    res.on('data', (chunk: Buffer) => {
      this.seen += chunk.length;
      if (this.seen > this.cap) this.destroy(errors.tooLarge());
      // The reader is behind: stop the response until it asks for more (_read).
      else if (!this.push(chunk)) res.pause();
    });
    res.once('end', () => this.push(null));
    res.on('error', (error) => this.destroy(errors.failed(error)));
    // Nothing flows until the reader asks (its first _read): no answer is buffered twice.
    res.pause();
  }

  override _read(): void {
    this.res.resume();
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    // Ended early (the cap, the read deadline, the reader gave up): hang up on the rest.
    if (!this.res.complete || !this.res.readableEnded) this.res.destroy();
    done(error);
  }
}
