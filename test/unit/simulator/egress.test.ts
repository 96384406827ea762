import { describe, expect, it } from 'vitest';
import {
  cidrContains,
  cidrOverlaps,
  evaluateNetworkAcl,
  evaluateSecurityGroupEgress,
  parseCidr,
} from '../../../simulator/src/egress';

const https = { protocol: 'TCP' as const, port: 443 };
const rule = (
  policy: 'Accept' | 'Drop',
  destCidr: string,
  priority = 1,
  protocol = 'ALL',
  portRange = '-1/-1',
) => ({ policy, destCidr, priority, protocol, portRange });

describe('CIDR maths', () => {
  it('contains and overlaps', () => {
    expect(cidrContains('0.0.0.0/0', '100.64.0.0/10')).toBe(true);
    expect(cidrContains('100.0.0.0/8', '100.64.0.0/10')).toBe(true);
    expect(cidrContains('100.64.0.0/10', '100.64.0.0/10')).toBe(true);
    expect(cidrContains('100.100.0.0/16', '100.64.0.0/10')).toBe(false);
    expect(cidrOverlaps('100.100.0.0/16', '100.64.0.0/10')).toBe(true);
    expect(cidrOverlaps('10.0.0.0/8', '100.64.0.0/10')).toBe(false);
    expect(cidrContains('100.128.0.0/10', '100.64.0.0/10')).toBe(false);
    expect(parseCidr('300.1.1.1/8')).toBeUndefined();
    expect(parseCidr('1.2.3.4')).toEqual({ base: 0x01020304, bits: 32 });
  });
});

describe('security group egress (docs/alibaba-cloud-api.md §9.5)', () => {
  it('basic groups allow by default, enterprise groups deny by default', () => {
    expect(evaluateSecurityGroupEgress({ type: 'normal', egress: [] }, https)).toBe('pass');
    expect(evaluateSecurityGroupEgress({ type: 'enterprise', egress: [] }, https)).toBe('fail');
  });
  it('priority, drop-wins-on-tie, protocol and port filtering', () => {
    expect(
      evaluateSecurityGroupEgress(
        { type: 'enterprise', egress: [rule('Accept', '100.64.0.0/10')] },
        https,
      ),
    ).toBe('pass');
    expect(
      evaluateSecurityGroupEgress(
        { type: 'normal', egress: [rule('Accept', '0.0.0.0/0'), rule('Drop', '0.0.0.0/0')] },
        https,
      ),
    ).toBe('fail');
    expect(
      evaluateSecurityGroupEgress(
        {
          type: 'normal',
          egress: [rule('Accept', '100.64.0.0/10', 1), rule('Drop', '0.0.0.0/0', 2)],
        },
        https,
      ),
    ).toBe('pass');
    expect(
      evaluateSecurityGroupEgress(
        { type: 'enterprise', egress: [rule('Accept', '0.0.0.0/0', 1, 'UDP')] },
        https,
      ),
    ).toBe('fail');
    expect(
      evaluateSecurityGroupEgress(
        { type: 'enterprise', egress: [rule('Accept', '0.0.0.0/0', 1, 'TCP', '80/80')] },
        https,
      ),
    ).toBe('fail');
  });
  it('partial ranges warn', () => {
    expect(
      evaluateSecurityGroupEgress(
        {
          type: 'enterprise',
          egress: [rule('Drop', '100.100.0.0/16', 1), rule('Accept', '0.0.0.0/0', 2)],
        },
        https,
      ),
    ).toBe('warn');
    expect(
      evaluateSecurityGroupEgress(
        { type: 'enterprise', egress: [rule('Accept', '100.100.0.0/16')] },
        https,
      ),
    ).toBe('warn');
    expect(
      evaluateSecurityGroupEgress(
        { type: 'normal', egress: [rule('Accept', '10.0.0.0/8')] },
        https,
      ),
    ).toBe('warn');
  });
});

describe('network ACL (docs/alibaba-cloud-api.md §9.5)', () => {
  const e = (policy: 'accept' | 'drop', cidr: string, protocol = 'all', port = '-1/-1') => ({
    policy,
    cidr,
    protocol,
    port,
  });
  it('first match wins, both directions needed', () => {
    expect(evaluateNetworkAcl(undefined, https)).toBe('pass');
    expect(
      evaluateNetworkAcl(
        { egress: [e('accept', '100.64.0.0/10')], ingress: [e('accept', '100.64.0.0/10')] },
        https,
      ),
    ).toBe('pass');
    expect(evaluateNetworkAcl({ egress: [e('accept', '100.64.0.0/10')], ingress: [] }, https)).toBe(
      'fail',
    );
    expect(
      evaluateNetworkAcl(
        {
          egress: [e('drop', '0.0.0.0/0'), e('accept', '100.64.0.0/10')],
          ingress: [e('accept', '0.0.0.0/0')],
        },
        https,
      ),
    ).toBe('fail');
    expect(evaluateNetworkAcl({ egress: [], ingress: [] }, https)).toBe('fail');
  });
});
