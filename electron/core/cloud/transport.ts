// How every Alibaba Cloud call reaches the network: the one place that opens connections for an
// account. The official SDKs (@alicloud/openapi-core over @darabonba/typescript) accept
// httpsProxy/noProxy/ca on their Config but their HTTP layer ignores the proxy fields and offers
// no way to pass an agent (docs/alibaba-cloud-api.md §2.3). So the SDK's single request function
// is routed here (transport-hook.ts): a CloudSession runs each SDK call inside `throughTransport`,
// whose marker rides in the call's Config to every request the SDK builds for it, and the request
// (signed, headers final) is sent by the account's transport, which
//   - goes through the account's proxy (else HTTPS_PROXY) with an HTTP CONNECT tunnel, the
//     password from the keychain in Proxy-Authorization, NO_PROXY honoured (proxy.ts);
//   - verifies TLS end to end, through the tunnel, against the system roots plus the account's
//     CA bundle (never with verification off);
//   - bounds connect and read time, and the answer's size (capped-answer.ts),
//     without buffering more than that;
//   - names the proxy, never its password, in every error.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import querystring from 'node:querystring';
import tls from 'node:tls';
import type * as $dara from '@darabonba/typescript';
import type { HttpsProxyAgent as ProxyAgentClass } from 'https-proxy-agent';
import { GuardError, messageOf } from '../../contract';
import { CappedAnswer } from './capped-answer';
import { CloudError } from './errors';
import { chooseProxy } from './proxy';
import type { ChosenProxy } from './proxy';
import { loadOnce } from './sdk';
import { sdkCore } from './transport-hook';
import type { CallTransport, SdkRequest, SdkRuntime } from './transport-hook';
import { MAX_ANSWER_BYTES, TLS_VERIFY_CODES, fail, timeout, tooLarge } from './transport-errors';
import type { CallLabel } from './transport-errors';

/** Used when the SDK passes no timeouts (it always does: the session sets them on Config). */
const FALLBACK_CONNECT_MS = 5_000;
const FALLBACK_READ_MS = 20_000;

export interface TransportSettings {
  /** The account's proxy URL with its password (main process only), or null. */
  accountProxy: string | null;
  /** PEM file with extra CAs (a TLS-inspecting proxy, a private endpoint), or null. */
  caBundlePath: string | null;
  env: NodeJS.ProcessEnv;
}

function millis(value: unknown, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/**
 * https-proxy-agent (with agent-base and debug) is loaded by the first request that goes through
 * a proxy: a command that makes no call (`clusters list --cached`), or calls without a proxy,
 * never loads it.
 */
let HttpsProxyAgent: typeof ProxyAgentClass | undefined;
const loadProxyAgent = loadOnce(async () => {
  ({ HttpsProxyAgent } = await import('https-proxy-agent'));
});

/** Where requests to one authority go. */
interface Route {
  /** For the socket (IPv6 without brackets). */
  hostname: string;
  port: number;
  /** For messages: host:port as the URL writes it. */
  where: string;
  proxy: ChosenProxy | null;
}

/** More hosts than one account's products x regions; past it the routes are worked out again. */
const MAX_ROUTES = 1024;

/** The proxies, agents and TLS context of one network setting (shared by its sessions). */
export class AccountTransport implements CallTransport {
  private readonly agents = new Map<string, http.Agent>();
  private readonly routes = new Map<string, Route>();
  private context: tls.SecureContext | null | undefined;

  constructor(private readonly settings: TransportSettings) {}

  /** System roots plus the account's CA bundle; undefined means Node's defaults. */
  private secureContext(): tls.SecureContext | undefined {
    if (this.context === undefined) {
      const path = this.settings.caBundlePath;
      this.context = path ? buildSecureContext(path) : null;
    }
    return this.context ?? undefined;
  }

  private agentFor(protocol: 'http:' | 'https:', proxy: ChosenProxy | null): http.Agent {
    const key = `${protocol} ${proxy ? proxy.url.href : 'direct'}`;
    let agent = this.agents.get(key);
    if (!agent) {
      const context = this.secureContext();
      if (proxy) {
        // The URL handed to the agent has no credentials (its debug output prints the URL);
        // the password travels only in this header, to the proxy.
        agent = new HttpsProxyAgent!(proxy.url, {
          keepAlive: true,
          headers: proxy.authorization ? { 'Proxy-Authorization': proxy.authorization } : {},
          // For an https:// proxy: its certificate is checked against the same roots.
          ...(context ? { secureContext: context } : {}),
        });
      } else {
        agent =
          protocol === 'https:'
            ? new https.Agent({ keepAlive: true })
            : new http.Agent({ keepAlive: true });
      }
      this.agents.set(key, agent);
    }
    return agent;
  }

  /**
   * Host, port and proxy of an authority (host header plus port). Remembered: a refresh sends
   * ~800 requests to a few dozen hosts, and a URL parse plus the proxy choice per request was
   * ~1.5% of its CPU. The answer depends only on this transport's settings, fixed at creation
   * (transportFor keys transports by them). Only a good answer is kept: a bad one throws again.
   */
  private routeFor(protocol: 'http:' | 'https:', authority: string): Route {
    const key = `${protocol}//${authority}`;
    let route = this.routes.get(key);
    if (!route) {
      const base = new URL(key);
      const hostname = base.hostname.replace(/^\[|\]$/g, '');
      const port = base.port ? Number(base.port) : protocol === 'https:' ? 443 : 80;
      const proxy = chooseProxy(
        { accountProxy: this.settings.accountProxy, env: this.settings.env },
        hostname,
        port,
      );
      route = { hostname, port, where: `${base.hostname}:${port}`, proxy };
      if (this.routes.size >= MAX_ROUTES) this.routes.clear();
      this.routes.set(key, route);
    }
    return route;
  }

  /** Sends one request the SDK built and hands back the SDK's own Response type. */
  send(request: SdkRequest, runtime: SdkRuntime, call: CallLabel): Promise<$dara.Response> {
    const protocol = (request.protocol ?? 'https').toLowerCase() === 'http' ? 'http:' : 'https:';
    // Exactly the URL @darabonba/typescript's doAction builds (host header, port, path, query).
    const authority = `${request.headers.host ?? ''}${request.port ? `:${request.port}` : ''}`;
    const { hostname, port, where, proxy } = this.routeFor(protocol, authority);
    if (proxy && !HttpsProxyAgent)
      return loadProxyAgent().then(() => this.send(request, runtime, call));
    const pathname = request.pathname || '/';
    const query =
      request.query && Object.keys(request.query).length > 0
        ? `${pathname.includes('?') ? '&' : '?'}${querystring.stringify(request.query)}`
        : '';
    const context = protocol === 'https:' ? this.secureContext() : undefined;
    const method = (request.method || 'GET').toUpperCase();
    const connectMs = millis(runtime?.connectTimeout, FALLBACK_CONNECT_MS);
    const readMs = millis(runtime?.readTimeout, FALLBACK_READ_MS);
    const via = proxy ? ` through the proxy at ${proxy.label}` : '';

    return new Promise<$dara.Response>((resolve, reject) => {
      let settled = false;
      let tunnelUp = false;
      let readTimer: NodeJS.Timeout | undefined;
      /** The answer as the SDK reads it, once the response has begun. */
      let body: CappedAnswer | http.IncomingMessage | undefined;

      const explain = (error: unknown): unknown => {
        if (error instanceof CloudError) return error;
        const e = error as NodeJS.ErrnoException;
        const code = typeof e?.code === 'string' ? e.code : '';
        const toProxy = proxy !== null && !tunnelUp;
        if (TLS_VERIFY_CODES.has(code)) {
          const whose = toProxy ? `the proxy at ${proxy!.label}` : `${where}${via}`;
          return fail(
            call,
            'tls',
            `the TLS certificate of ${whose} could not be verified (${code}: ${e.message}). If a proxy inspects TLS, add its CA certificate to the account's CA bundle; nothing was sent.`,
          );
        }
        if (toProxy && e?.name !== 'RequestTimeoutError') {
          return fail(
            call,
            'network',
            `the proxy at ${proxy!.label} (${proxy!.source === 'account' ? "the account's proxy" : 'HTTPS_PROXY'}) cannot be reached (${code || e?.message || 'error'}). Check the proxy address.`,
          );
        }
        return error;
      };
      const abort = (error: unknown) => {
        // Once the SDK has the response, failures reach it through the body stream instead.
        if (settled) return;
        settled = true;
        clearTimeout(connectTimer);
        clearTimeout(readTimer);
        req.destroy();
        reject(explain(error));
      };

      const req = (protocol === 'https:' ? https : http).request({
        protocol,
        host: hostname,
        port,
        path: `${pathname}${query}`,
        method,
        headers: request.headers,
        agent: this.agentFor(protocol, proxy),
        ...(context ? { secureContext: context } : {}),
      });
      const connectTimer = setTimeout(
        () => abort(timeout('ConnectTimeout', connectMs, `${where}${via}`)),
        connectMs,
      );
      const connected = () => {
        clearTimeout(connectTimer);
        if (readTimer) return;
        // One deadline for the whole answer, body included: a trickle cannot hold a call open.
        readTimer = setTimeout(() => {
          const error = timeout('ReadTimeout', readMs, where);
          if (body) body.destroy(error);
          else abort(error);
        }, readMs);
      };
      req.once('socket', (socket) => {
        if (req.reusedSocket) connected();
        else socket.once(protocol === 'https:' ? 'secureConnect' : 'connect', connected);
      });
      // Only a tunnel says this (https-proxy-agent): no listener per direct request.
      if (proxy)
        req.on('proxyConnect', (answer: { statusCode: number; statusText: string }) => {
          if (answer.statusCode === 200) {
            tunnelUp = true;
            return;
          }
          if (answer.statusCode === 407) {
            abort(
              fail(
                call,
                'proxy',
                proxy?.authorization
                  ? `the proxy at ${proxy.label} refused the credentials (HTTP 407). Check the proxy user name and password in the account's network settings.`
                  : `the proxy at ${proxy?.label ?? where} wants credentials (HTTP 407). Add the user name and password to the account's proxy.`,
              ),
            );
            return;
          }
          abort(
            fail(
              call,
              'network',
              `the proxy at ${proxy?.label ?? where} would not open a tunnel to ${where} (HTTP ${answer.statusCode} ${answer.statusText}). Check that the proxy allows this host.`,
            ),
          );
        });
      req.on('error', abort);

      req.on('response', (res) => {
        clearTimeout(connectTimer);
        const declared = Number(res.headers['content-length']);
        if (Number.isFinite(declared) && declared > MAX_ANSWER_BYTES) {
          res.destroy();
          abort(tooLarge(call, where));
          return;
        }
        // Not stream.pipeline() nor a Transform: pipeline makes an AbortController per call and
        // aborts it when the answer ends, which builds a DOMException with a stack trace every
        // time (~4% of a fleet refresh's CPU in the bench profile); one Readable over the answer
        // makes fewer objects than a Transform piped to (capped-answer.ts).
        // A declared length within the cap already bounds the body (Node's parser reads no more
        // than it), so the SDK reads the response itself: one Readable fewer per answer. Not
        // through a proxy, whose failures mid-answer CappedAnswer words (explain); a streamed
        // answer is counted by CappedAnswer.
        body =
          proxy === null && Number.isFinite(declared)
            ? res
            : new CappedAnswer(res, {
                tooLarge: () => tooLarge(call, where),
                failed: (error) => explain(error) as Error,
              });
        body.once('close', () => clearTimeout(readTimer));
        const SdkResponse = sdkCore().Response;
        const response = new SdkResponse(res);
        response.body = body as http.IncomingMessage;
        settled = true;
        resolve(response);
      });

      const payload = method === 'GET' || method === 'HEAD' ? null : request.body;
      if (payload && typeof (payload as NodeJS.ReadableStream).pipe === 'function') {
        payload.on('error', abort);
        payload.pipe(req);
      } else {
        req.end();
      }
    });
  }
}

function buildSecureContext(path: string): tls.SecureContext {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    throw new GuardError(
      'validation',
      `The CA bundle ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}). Fix the path in the account's network settings.`,
    );
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----'))
    throw new GuardError(
      'validation',
      `The CA bundle ${path} holds no PEM certificate ("-----BEGIN CERTIFICATE-----"). Export the CA as PEM.`,
    );
  try {
    // Added to the system roots, not instead of them: endpoints outside the proxy keep working.
    return tls.createSecureContext({ ca: [...tls.rootCertificates, pem] });
  } catch (error) {
    throw new GuardError(
      'validation',
      `The CA bundle ${path} cannot be used (${messageOf(error)}). Export the CA as PEM.`,
    );
  }
}

// ---- the cache of transports ------------------------------------------------------------

/**
 * Enough for every account of a large fleet. An evicted transport is only forgotten, not
 * closed: a session may still be using it; its idle sockets are unref'd and the server closes
 * them.
 */
const MAX_TRANSPORTS = 64;
const transports = new Map<string, AccountTransport>();

/** The transport for a network setting; sessions with the same setting share connections. */
export function transportFor(settings: TransportSettings): AccountTransport {
  const env = settings.env;
  const key = JSON.stringify([
    settings.accountProxy,
    settings.caBundlePath,
    env.HTTPS_PROXY ?? env.https_proxy ?? null,
    env.NO_PROXY ?? env.no_proxy ?? null,
  ]);
  let transport = transports.get(key);
  if (transport) {
    transports.delete(key);
  } else {
    transport = new AccountTransport(settings);
    if (transports.size >= MAX_TRANSPORTS) transports.delete(transports.keys().next().value!);
  }
  transports.set(key, transport);
  return transport;
}
