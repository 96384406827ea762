// Stored metadata -> what the contract shows. Builds each field explicitly (no spreading), so a
// field added to the stored record never leaks into a reply by accident.
import type { Account, AccountNetworkView } from '../../contract';
import type { StoredAccount, StoredNetwork } from './types';
import { redactedProxy } from './validation';

function networkView(n: StoredNetwork): AccountNetworkView {
  return {
    endpoint: n.endpoint,
    proxy: n.proxy
      ? { url: redactedProxy(n.proxy, n.proxyHasPassword), hasPassword: n.proxyHasPassword }
      : null,
    caBundlePath: n.caBundlePath,
  };
}

export function toAccountView(a: StoredAccount, roleExpiry: number | null): Account {
  const base = {
    id: a.id,
    name: a.name,
    colour: a.colour,
    regions: a.regions ? [...a.regions] : null,
    network: networkView(a.network),
    identity: a.identity ? { ...a.identity } : null,
    demo: a.demo,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
  switch (a.kind) {
    case 'access-key':
      return { ...base, kind: 'access-key', accessKeyId: a.accessKeyId, credentialExpiry: null };
    case 'sts-token':
      return {
        ...base,
        kind: 'sts-token',
        accessKeyId: a.accessKeyId,
        expiration: a.expiration,
        credentialExpiry: a.expiration,
      };
    case 'ram-role':
      return {
        ...base,
        kind: 'ram-role',
        sourceAccountId: a.sourceAccountId,
        roleArn: a.roleArn,
        sessionName: a.sessionName,
        durationSeconds: a.durationSeconds,
        externalId: a.externalId,
        credentialExpiry: roleExpiry === null ? null : new Date(roleExpiry).toISOString(),
      };
  }
}
