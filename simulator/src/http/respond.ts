// Writing answers: JSON success, empty success, and errors in each product's body style.
import type { ServerResponse } from 'node:http';
import type { Product } from '../products/types';
import type { ApiError } from './errors';

export function sendJson(
  res: ServerResponse,
  status: number,
  requestId: string,
  body: unknown,
  extra: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json;charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'x-acs-request-id': requestId,
    ...extra,
  });
  res.end(text);
}

export function sendEmpty(res: ServerResponse, status: number, requestId: string): void {
  res.writeHead(status, { 'content-length': 0, 'x-acs-request-id': requestId });
  res.end();
}

export function sendError(
  res: ServerResponse,
  product: Product | undefined,
  regionId: string | undefined,
  requestId: string,
  e: ApiError,
): void {
  const body =
    product?.style === 'roa'
      ? { code: e.code, message: e.message, requestId, status: e.status }
      : {
          RequestId: requestId,
          HostId: `${product?.host ?? 'openapi'}${product?.regional && regionId ? `.${regionId}` : ''}.aliyuncs.com`,
          Code: e.code,
          Message: e.message,
          Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(e.code)}&product=${product?.id ?? ''}&requestId=${requestId}`,
        };
  sendJson(res, e.status, requestId, body, e.headers);
}

export const HTML_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>Tengine</center>\r\n</body>\r\n</html>\r\n';

export function sendHtml502(res: ServerResponse, requestId: string): void {
  res.writeHead(502, {
    'content-type': 'text/html',
    'content-length': Buffer.byteLength(HTML_502),
    'x-acs-request-id': requestId,
  });
  res.end(HTML_502);
}
