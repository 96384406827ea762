// What a change's or a creation's follower says while a poll fails: one message per kind, in
// both languages, the cloud's code kept; the CLI's progress line words it in its language.
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../../electron/contract';
import type { OperationView } from '../../../electron/contract';
import { progressLine } from '../../../electron/cli/follow';
import { cliText } from '../../../electron/cli/i18n';
import { CloudError } from '../../../electron/core/cloud/errors';
import type { CloudErrorKind } from '../../../electron/core/cloud/errors';
import { pollNote } from '../../../electron/core/operations/poll-note';
import { englishWords } from '../../support/english-words';

const cloudError = (kind: CloudErrorKind, cloudCode: string | null = null) =>
  new CloudError(`scripted ${kind}`, {
    kind,
    product: 'cs',
    action: 'DescribeClusterDetail',
    cloudCode,
    httpStatus: null,
    requestId: null,
  });

describe('pollNote', () => {
  it('names the kind of failure, with the cloud code where there is one', () => {
    expect(pollNote(cloudError('throttled', 'Throttling.User')).key).toBe('follow.note.throttled');
    expect(pollNote(cloudError('auth', 'InvalidAccessKeyId.NotFound'))).toEqual({
      key: 'follow.note.auth',
      params: { code: 'InvalidAccessKeyId.NotFound' },
    });
    expect(pollNote(cloudError('network')).key).toBe('follow.note.offline');
    expect(pollNote(new Error('socket hang up')).key).toBe('follow.note.offline');
    expect(pollNote(cloudError('server', 'InternalError'))).toEqual({
      key: 'follow.note.server',
      params: { code: 'InternalError' },
    });
    // A permission error is the cloud answering, not "offline?" (it used to say so).
    expect(pollNote(cloudError('permission', 'Forbidden.RAM')).key).toBe('follow.note.server');
  });

  it('a creation not listed yet is expected for a while; a change whose cluster is gone is not', () => {
    expect(pollNote(cloudError('notFound', 'ErrorClusterNotFound'), true).key).toBe(
      'follow.note.notVisible',
    );
    expect(pollNote(cloudError('notFound', 'ErrorClusterNotFound')).key).toBe('follow.note.server');
  });

  it('reads in Chinese with no English left, in the window and on the CLI line', () => {
    for (const kind of ['throttled', 'auth', 'network', 'server'] as const) {
      const note = pollNote(cloudError(kind, 'Code.X'));
      expect(englishWords(formatMessage(note, 'zh-CN'), ['Code.X'])).toEqual([]);
    }
    const note = pollNote(cloudError('throttled'));
    const view = {
      action: 'enable',
      clusterName: 'edge-1',
      clusterId: 'c-1',
      phase: 'updating',
      clusterState: 'updating',
      startedAt: new Date(0).toISOString(),
      nextPollAt: null,
      slow: false,
      note: formatMessage(note, 'en'),
      noteMsg: note,
      error: null,
    } as unknown as OperationView;
    expect(progressLine(cliText('zh-CN'), view, 60_000)).toContain('云端正在限流');
    expect(progressLine(cliText('en'), view, 60_000)).toContain('The cloud is throttling');
  });
});
