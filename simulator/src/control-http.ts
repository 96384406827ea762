// The control API over HTTP under /__sim/: loopback clients only, JSON in and out, each route
// one call of the Control handle (control.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isoUtc } from './clock';
import type { Control, ClusterInput, KeyChangeRequest, KeyState } from './control';
import type { FaultRule } from './faults';
import type { ClusterState, FixtureInput } from './fixtures/schema';
import { FixtureError } from './fixtures/validate';
import type { PageCaps } from './paging';

/** Handles /__sim/...; answers JSON. */
export function handleControlHttp(
  control: Control,
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
): number {
  const send = (status: number, v: unknown) => {
    const text = JSON.stringify(v ?? null);
    res.writeHead(status, {
      'content-type': 'application/json;charset=utf-8',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
    return status;
  };
  const addr = req.socket.remoteAddress ?? '';
  if (!['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(addr))
    return send(403, { error: 'the control API answers loopback clients only' });
  let input: Record<string, unknown> = {};
  try {
    if (body.length) input = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  } catch {
    return send(400, { error: 'body must be JSON' });
  }
  const path = (req.url ?? '').split('?')[0]!.replace(/^\/__sim/, '');
  const m = req.method ?? 'GET';
  try {
    let r: RegExpExecArray | null;
    if (m === 'GET' && path === '/health') return send(200, { ok: true });
    if (m === 'GET' && path === '/world') return send(200, control.summary());
    if (m === 'GET' && (r = /^\/clusters\/([^/]+)$/.exec(path)))
      return send(
        control.cluster(r[1]!) ? 200 : 404,
        control.cluster(r[1]!) ?? { error: 'no such cluster' },
      );
    if (m === 'GET' && (r = /^\/keys\/([^/]+)$/.exec(path)))
      return send(control.key(r[1]!) ? 200 : 404, control.key(r[1]!) ?? { error: 'no such key' });
    if (m === 'POST' && path === '/fixture')
      return send(200, control.load((input.fixture ?? input.name) as string | FixtureInput));
    if (m === 'POST' && path === '/reset') return send(200, control.reset());
    if (m === 'GET' && path === '/time')
      return send(200, { now: isoUtc(control.now()), timeScale: control.world.clock.timeScale });
    if (m === 'POST' && path === '/time/advance')
      return send(200, { now: control.advance(Number(input.seconds)) });
    if (m === 'POST' && path === '/time/scale') {
      control.setTimeScale(Number(input.timeScale));
      return send(200, { now: isoUtc(control.now()), timeScale: control.world.clock.timeScale });
    }
    if (m === 'GET' && path === '/faults') return send(200, control.faults.list());
    if (m === 'POST' && path === '/faults') return send(200, control.addFault(input as FaultRule));
    if (m === 'DELETE' && path === '/faults')
      return send(200, (control.clearFaults(), { cleared: true }));
    if (m === 'DELETE' && (r = /^\/faults\/([^/]+)$/.exec(path)))
      return send(control.removeFault(r[1]!) ? 200 : 404, { id: r[1] });
    if (m === 'POST' && (r = /^\/keys\/([^/]+)\/state$/.exec(path)))
      return send(200, (control.setKeyState(r[1]!, input.state as KeyState), control.key(r[1]!)));
    if (m === 'POST' && (r = /^\/keys\/([^/]+)\/change$/.exec(path)))
      return send(200, control.keyChange(r[1]!, input as unknown as KeyChangeRequest));
    if (m === 'POST' && (r = /^\/kms-instances\/([^/]+)\/end$/.exec(path)))
      return send(200, control.setKmsInstanceEnd(r[1]!, Number(input.endInDays)));
    if (m === 'POST' && path === '/clusters')
      return send(200, control.addCluster(String(input.accountId), input.cluster as ClusterInput));
    if (m === 'POST' && (r = /^\/clusters\/([^/]+)\/state$/.exec(path)))
      return send(
        200,
        (control.setClusterState(r[1]!, input.state as ClusterState), control.cluster(r[1]!)),
      );
    if (m === 'GET' && path === '/paging') return send(200, control.pageSizeCaps());
    if (m === 'POST' && path === '/paging') {
      if (input.off === true) return send(200, control.pageSizeCapsOff());
      if (input.restore === true) return send(200, control.pageCaps.restore());
      return send(200, control.setPageSizeCaps((input.caps ?? {}) as Partial<PageCaps>));
    }
    if (m === 'POST' && (r = /^\/clusters\/([^/]+)\/console-change$/.exec(path))) {
      const change =
        input.disable === true ? { disable: true as const } : { keyId: String(input.keyId ?? '') };
      return send(200, (control.consoleChange(r[1]!, change), control.cluster(r[1]!)));
    }
    if (m === 'GET' && path === '/requests') return send(200, control.requestCounts());
    if (m === 'POST' && path === '/stats/start')
      return send(200, (control.serving.start(), control.serving.read()));
    if (m === 'GET' && path === '/stats')
      return control.serving.started
        ? send(200, control.serving.read())
        : send(409, { error: 'not started: POST /__sim/stats/start first' });
    return send(404, { error: `no control route ${m} ${path}` });
  } catch (e) {
    return send(400, {
      error: e instanceof FixtureError ? e.message : String((e as Error).message ?? e),
    });
  }
}
