// Pure signature maths, mirroring the official SDK's signer (openapi-core utils.getAuthorization)
// and the legacy rpc-client (HMAC-SHA1). Kept free of I/O so it can be unit-tested with
// hand-computed vectors.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** RFC 3986 encoding as Alibaba signs it: encodeURIComponent plus ! ' ( ) * escaped. */
export function pct(s: string): string {
  return encodeURIComponent(s).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface ParsedV3Authorization {
  algorithm: 'ACS3-HMAC-SHA256';
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

/** Parses `ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=a;b,Signature=hex`; null if malformed. */
export function parseV3Authorization(header: string | undefined): ParsedV3Authorization | null {
  if (!header) return null;
  const m =
    /^ACS3-HMAC-SHA256\s+Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-fA-F]+)$/.exec(
      header.trim(),
    );
  if (!m) return null;
  return {
    algorithm: 'ACS3-HMAC-SHA256',
    accessKeyId: m[1]!,
    signedHeaders: m[2]!.split(';'),
    signature: m[3]!.toLowerCase(),
  };
}

export interface V3Input {
  method: string;
  /** Raw path as sent (already percent-encoded by the client). */
  rawPath: string;
  /** Decoded query parameters (single value per key, as the SDK sends them). */
  query: Record<string, string>;
  /** Lower-case header map. */
  headers: Record<string, string | string[] | undefined>;
  signedHeaders: string[];
  hashedPayload: string;
}

export function canonicalQueryV3(query: Record<string, string>): string {
  return Object.keys(query)
    .sort()
    .map((k) => `${k}=${pct(query[k] ?? '')}`)
    .join('&');
}

export function canonicalRequestV3(i: V3Input): string {
  const headerValue = (n: string) => {
    const v = i.headers[n];
    return (Array.isArray(v) ? v.join(',') : (v ?? '')).trim();
  };
  const canonicalHeaders = i.signedHeaders.map((n) => `${n}:${headerValue(n)}\n`).join('');
  return [
    i.method.toUpperCase(),
    i.rawPath,
    canonicalQueryV3(i.query),
    canonicalHeaders,
    i.signedHeaders.join(';'),
    i.hashedPayload,
  ].join('\n');
}

export function signV3(secret: string, canonicalRequest: string): string {
  const stringToSign = `ACS3-HMAC-SHA256\n${sha256Hex(canonicalRequest)}`;
  return createHmac('sha256', secret).update(stringToSign).digest('hex');
}

/** Legacy RPC (HMAC-SHA1) string-to-sign over all parameters except Signature. */
export function stringToSignV1(method: string, params: Record<string, string>): string {
  const canon = Object.keys(params)
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${pct(k)}=${pct(params[k] ?? '')}`)
    .join('&');
  return `${method.toUpperCase()}&${pct('/')}&${pct(canon)}`;
}

export function signV1(secret: string, method: string, params: Record<string, string>): string {
  return createHmac('sha1', `${secret}&`).update(stringToSignV1(method, params)).digest('base64');
}

/** Constant-time comparison so the simulator does not teach timing attacks by example. */
export function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}
