// Which transport a request takes is named by the call's marker in its openapi Config
// (`socks5NetWork`, transport.ts), not by an AsyncLocalStorage. These tests hold openapi-core to
// carrying that field to every request, and the hook to refusing a request whose call is over.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import { describe, expect, it } from 'vitest';
import { csSdk } from '../../../electron/core/cloud/cs-sdk';
import { rpcCall } from '../../../electron/core/cloud/rpc';
import { throughTransport } from '../../../electron/core/cloud/transport-hook';
import type { CallTransport } from '../../../electron/core/cloud/transport-hook';

const loadCommonJs = createRequire(import.meta.url);

/**
 * Whether openapi-core's client passes the Config's socks5NetWork in the runtime options of
 * every request it sends: the constructor keeps it, and each `_runtime` handed to doAction
 * carries it. Checked on the source because a version that stopped would send nothing wrong
 * that a functional test of today's code paths could see.
 */
function carriesMarker(source: string): string[] {
  const problems: string[] = [];
  if (!source.includes('this._socks5NetWork = config.socks5NetWork;'))
    problems.push('the constructor does not keep config.socks5NetWork');
  const sends = source.split(/\$dara\.doAction\(/);
  if (sends.length < 2) problems.push('no $dara.doAction call found');
  for (let i = 0; i < sends.length - 1; i++) {
    const before = sends[i]!;
    const runtime = before.slice(before.lastIndexOf('let _runtime = {'));
    if (!runtime.startsWith('let _runtime = {'))
      problems.push(`request ${i + 1}: no _runtime built before it`);
    else if (!runtime.includes('socks5NetWork: runtime.socks5NetWork || this._socks5NetWork'))
      problems.push(`request ${i + 1}: its _runtime has no socks5NetWork`);
    if (!sends[i + 1]!.startsWith('request_, _runtime)'))
      problems.push(`request ${i + 1}: doAction gets something other than _runtime`);
  }
  return problems;
}

interface Sent {
  transport: string;
  action: string;
  marker: unknown;
}

/** A stand-in transport that records what it is asked to send and answers with an error. */
function fakeTransport(name: string, sent: Sent[]): CallTransport {
  return {
    send: (
      _request: unknown,
      runtime: { socks5NetWork?: unknown } | null,
      call: { action: string },
    ) => {
      sent.push({ transport: name, action: call.action, marker: runtime?.socks5NetWork });
      return Promise.reject(new Error(`sent by ${name}`));
    },
  } as unknown as CallTransport;
}

function config(marker?: string): $OpenApiUtil.Config {
  return new $OpenApiUtil.Config({
    accessKeyId: 'AKIDtest',
    accessKeySecret: 'not-a-secret',
    // Nothing listens here: a request that reached the network would fail with ECONNREFUSED.
    endpoint: '127.0.0.1:9',
    protocol: 'http',
    regionId: 'cn-hangzhou',
    connectTimeout: 1_000,
    readTimeout: 1_000,
    ...(marker ? { socks5NetWork: marker } : {}),
  });
}

const reason = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (error: unknown) => (error as Error).message,
  );

describe('the call marker', () => {
  it('is carried by the installed openapi-core to every request it sends', () => {
    const source = readFileSync(loadCommonJs.resolve('@alicloud/openapi-core'), 'utf8');
    expect(carriesMarker(source)).toEqual([]);
    // The guard itself can fail: the same source with one request that drops the field.
    const dropped = source.replace(
      'socks5NetWork: runtime.socks5NetWork || this._socks5NetWork,',
      '',
    );
    expect(carriesMarker(dropped)).toEqual(['request 1: its _runtime has no socks5NetWork']);
  });

  it('routes each request to its own call, with calls of two transports interleaved', async () => {
    const { Cs } = await csSdk();
    const sent: Sent[] = [];
    const a = fakeTransport('a', sent);
    const b = fakeTransport('b', sent);
    // Both calls are in flight at once; each awaits before its request, so they interleave.
    const results = await Promise.all([
      reason(
        throughTransport(a, { product: 'kms', action: 'ListKeys' }, async (marker) => {
          await new Promise((r) => setTimeout(r, 5));
          return rpcCall(config(marker), 'ListKeys', '2016-01-20', {});
        }),
      ),
      reason(
        throughTransport(b, { product: 'cs', action: 'DescribeClusterDetail' }, async (marker) =>
          new Cs(config(marker)).describeClusterDetail('c1'),
        ),
      ),
    ]);
    expect(results).toEqual(['sent by a', 'sent by b']);
    expect(sent.map((s) => `${s.transport} ${s.action}`).sort()).toEqual([
      'a ListKeys',
      'b DescribeClusterDetail',
    ]);
    expect(new Set(sent.map((s) => s.marker)).size).toBe(2);
  });

  it('refuses a request after its call ended, and leaves unmarked requests to the SDK', async () => {
    const { Cs } = await csSdk();
    const sent: Sent[] = [];
    let kept: $OpenApiUtil.Config | undefined;
    await throughTransport(
      fakeTransport('a', sent),
      { product: 'cs', action: 'DescribeClusterDetail' },
      async (marker) => {
        kept = config(marker);
      },
    );
    const late = await reason(new Cs(kept!).describeClusterDetail('c1'));
    expect(late).toContain('cs DescribeClusterDetail: a request came after its call had ended');
    expect(sent).toEqual([]);
    // No marker at all: the SDK's own doAction, which tries the (closed) port itself.
    const plain = await reason(new Cs(config()).describeClusterDetail('c1'));
    expect(plain).toMatch(/ECONNREFUSED|connect/i);
    expect(sent).toEqual([]);
  });
});
