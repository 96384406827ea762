// What a follower says while a poll fails (a change's, operations/follow.ts, and a creation's,
// provision/follow.ts): one sentence per kind of failure, as a catalog message so the timeline
// says it in the reader's language; cleared by the next poll that answers.
import { message } from '../../contract';
import type { Message } from '../../contract';
import { CloudError } from '../cloud/errors';

/** `creating`: a cluster the cloud may not list yet (not found is then expected for a while). */
export function pollNote(error: unknown, creating = false): Message {
  if (!(error instanceof CloudError)) return message('follow.note.offline');
  switch (error.kind) {
    case 'throttled':
      return message('follow.note.throttled');
    case 'auth':
      return message('follow.note.auth', { code: error.cloud.cloudCode ?? error.kind });
    case 'network':
      return message('follow.note.offline');
    default:
      if (creating && error.kind === 'notFound') return message('follow.note.notVisible');
      return message('follow.note.server', { code: error.cloud.cloudCode ?? error.kind });
  }
}
