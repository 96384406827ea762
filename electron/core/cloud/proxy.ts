// Which proxy a call to one host goes through: the account's own proxy, else HTTPS_PROXY /
// https_proxy, unless NO_PROXY / no_proxy names the host. Loopback endpoints (the demo
// simulator, an SSH tunnel) are always reached directly: a proxy elsewhere cannot reach this
// machine's 127.0.0.1. (Plain http is allowed only to loopback, so HTTP_PROXY never applies.)
import { BlockList, isIP } from 'node:net';
import { GuardError } from '../../contract';
import { isLoopbackHost } from './endpoints';

export interface ChosenProxy {
  /** The proxy's URL WITHOUT user name or password (what agents and logs may see). */
  url: URL;
  /** `host:port` of the proxy, the only way messages name it. */
  label: string;
  /** `Basic ...` for Proxy-Authorization, when the URL had a user name; a secret. */
  authorization: string | null;
  /** Where the setting came from, for messages. */
  source: 'account' | 'HTTPS_PROXY';
}

function stripHost(host: string): string {
  return host
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

function defaultPort(protocol: string): number {
  return protocol === 'https:' ? 443 : 80;
}

/**
 * Parses a proxy URL (from the account, with the keychain's password put back, or from the
 * environment). Errors never quote the URL: it may carry a password.
 */
export function parseProxyUrl(raw: string, source: ChosenProxy['source']): ChosenProxy {
  const where = source === 'account' ? "the account's proxy" : 'HTTPS_PROXY';
  let url: URL;
  try {
    // A bare host:port (common in HTTPS_PROXY) means an http proxy.
    url = new URL(
      /^[a-z][a-z0-9+.-]*:\/\//i.test(raw.trim()) ? raw.trim() : `http://${raw.trim()}`,
    );
  } catch {
    throw new GuardError(
      'validation',
      `${where} is not a URL; use e.g. http://proxy.example:3128 (user and password optional).`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new GuardError(
      'validation',
      `${where} must be an http:// or https:// URL (${url.protocol} proxies are not supported).`,
    );
  const authorization =
    url.username || url.password
      ? `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`
      : null;
  url.username = '';
  url.password = '';
  const port = url.port ? Number(url.port) : defaultPort(url.protocol);
  const host = url.hostname.includes(':') ? `[${stripHost(url.hostname)}]` : url.hostname;
  return { url, label: `${host}:${port}`, authorization, source };
}

interface NoProxyRule {
  /** `*`: everything. */
  all?: true;
  /** A host name or domain suffix, lower case, no leading dot. */
  domain?: string;
  /** An IP address or range. */
  block?: BlockList;
  port?: number;
}

function parseRule(entry: string): NoProxyRule | null {
  let text = entry.trim().toLowerCase();
  if (text === '') return null;
  if (text === '*') return { all: true };
  let port: number | undefined;
  // host:port, [v6]:port; a bare v6 address has more than one colon and no port.
  const withPort = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(text);
  if (withPort) {
    text = withPort[1]!;
    port = Number(withPort[2]);
  }
  text = stripHost(text).replace(/^\*?\./, '');
  const [address, prefix] = text.split('/');
  const family = isIP(address ?? '');
  if (family !== 0) {
    const block = new BlockList();
    const type = family === 6 ? 'ipv6' : 'ipv4';
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
    if (!Number.isInteger(bits) || bits < 0 || bits > (family === 6 ? 128 : 32)) return null;
    block.addSubnet(address!, bits, type);
    return { block, ...(port !== undefined ? { port } : {}) };
  }
  return text === '' ? null : { domain: text, ...(port !== undefined ? { port } : {}) };
}

/**
 * NO_PROXY as curl and Go read it: comma- or space-separated entries; `*` for every host; a
 * name matches itself and its subdomains (`example.com`, `.example.com` and `*.example.com`
 * all match `api.example.com`); IP addresses and CIDR ranges; an optional `:port`.
 */
export function noProxyMatches(noProxy: string, hostname: string, port: number): boolean {
  const host = stripHost(hostname);
  const family = isIP(host);
  for (const entry of noProxy.split(/[\s,]+/)) {
    const rule = parseRule(entry);
    if (!rule) continue;
    if (rule.all) return true;
    if (rule.port !== undefined && rule.port !== port) continue;
    if (rule.block) {
      if (family !== 0 && rule.block.check(host, family === 6 ? 'ipv6' : 'ipv4')) return true;
    } else if (rule.domain && (host === rule.domain || host.endsWith(`.${rule.domain}`))) {
      return true;
    }
  }
  return false;
}

export interface ProxySettings {
  /** The account's proxy, password included (main process only). */
  accountProxy?: string | null;
  env: NodeJS.ProcessEnv;
}

/** The proxy for one request, or null for a direct connection. */
export function chooseProxy(
  settings: ProxySettings,
  hostname: string,
  port: number,
): ChosenProxy | null {
  if (isLoopbackHost(hostname)) return null;
  const { env } = settings;
  const noProxy = env.NO_PROXY ?? env.no_proxy;
  if (noProxy && noProxyMatches(noProxy, hostname, port)) return null;
  if (settings.accountProxy) return parseProxyUrl(settings.accountProxy, 'account');
  const fromEnv = env.HTTPS_PROXY ?? env.https_proxy;
  if (fromEnv && fromEnv.trim() !== '') return parseProxyUrl(fromEnv, 'HTTPS_PROXY');
  return null;
}
