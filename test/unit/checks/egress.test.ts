// The egress evaluators (docs/alibaba-cloud-api.md §9.5) as tables, plus checkKmsEgress over a
// scripted session:
// every row is a security group or network ACL an operator could really have.
import { describe, expect, it } from 'vitest';
import type { SecurityGroupEgressRule } from '../../../electron/core/cloud/ecs';
import {
  permissionsPageFromWire,
  securityGroupsPageFromWire,
} from '../../../electron/core/cloud/ecs-wire';
import { CloudError } from '../../../electron/core/cloud/errors';
import type { CloudErrorKind } from '../../../electron/core/cloud/errors';
import type { CloudSession } from '../../../electron/core/cloud/session';
import type { NetworkAclEntry } from '../../../electron/core/cloud/vpc';
import { networkAclFromWire, vSwitchesPageFromWire } from '../../../electron/core/cloud/vpc-wire';
import {
  cidrContains,
  cidrCoverage,
  cidrOverlaps,
  formatCidr,
  parseCidr,
} from '../../../electron/core/checks/egress/cidr';
import { evaluateNetworkAcl } from '../../../electron/core/checks/egress/network-acl';
import {
  DNS_PROBE,
  HTTPS_PROBE,
  parsePortRange,
  portCoverage,
  worst,
} from '../../../electron/core/checks/egress/probes';
import { evaluateSecurityGroup } from '../../../electron/core/checks/egress/security-group';
import type { SgDecision } from '../../../electron/core/checks/egress/security-group';
import { checkKmsEgress as checkEgressWith } from '../../../electron/core/checks/network-egress';
import type { EgressClusterInput } from '../../../electron/core/checks/network-egress';
import { checkContextFor } from '../../support/check-context';
import { evidenceLabel, formatMessage } from '../../../electron/contract';

/** The check as the checklist runs it: its cloud reads through a CheckContext over `session`. */
const checkKmsEgress = (session: CloudSession, cluster: EgressClusterInput) =>
  checkEgressWith(checkContextFor(session, cluster.regionId), cluster);

describe('cidr', () => {
  it.each([
    ['100.64.0.0/10', { base: 0x64400000, prefix: 10 }],
    ['0.0.0.0/0', { base: 0, prefix: 0 }],
    ['10.1.2.3', { base: 0x0a010203, prefix: 32 }],
    ['100.100.1.7/16', { base: 0x64640000, prefix: 16 }], // host bits cleared
    [' 192.168.0.0/24 ', { base: 0xc0a80000, prefix: 24 }],
  ])('parses %s', (text, expected) => {
    expect(parseCidr(text)).toEqual(expected);
  });

  it.each([
    '',
    '256.0.0.0/8',
    '10.0.0.0/33',
    '10.0.0/8',
    '::/0',
    '2408::/32',
    'pl-123',
    'abc',
    null,
    undefined,
  ])('rejects %s', (text) => {
    expect(parseCidr(text)).toBeNull();
  });

  it('formats', () => {
    expect(formatCidr(parseCidr('100.127.255.255/10')!)).toBe('100.64.0.0/10');
  });

  it.each([
    ['0.0.0.0/0', '100.64.0.0/10', true],
    ['100.0.0.0/8', '100.64.0.0/10', true],
    ['100.64.0.0/10', '100.64.0.0/10', true],
    ['100.64.0.0/10', '100.100.2.128/28', true],
    ['100.100.0.0/16', '100.64.0.0/10', false],
    ['100.128.0.0/10', '100.64.0.0/10', false],
    ['10.0.0.0/8', '100.64.0.0/10', false],
    ['bad', '100.64.0.0/10', false],
  ])('%s contains %s: %s', (outer, inner, expected) => {
    expect(cidrContains(outer, inner)).toBe(expected);
  });

  it.each([
    ['100.100.0.0/16', '100.64.0.0/10', true],
    ['100.64.0.0/10', '100.100.0.0/16', true],
    ['100.128.0.0/9', '100.64.0.0/10', false],
    ['100.0.0.0/10', '100.64.0.0/10', false],
    ['192.168.0.0/16', '100.64.0.0/10', false],
  ])('%s overlaps %s: %s', (x, y, expected) => {
    expect(cidrOverlaps(x, y)).toBe(expected);
  });

  it.each([
    ['0.0.0.0/0', 'full'],
    ['100.100.0.0/16', 'partial'],
    ['10.0.0.0/8', 'none'],
    ['pl-abc', 'unreadable'],
    [null, 'unreadable'],
  ] as const)('coverage of %s over the /10 is %s', (rule, expected) => {
    expect(cidrCoverage(rule, '100.64.0.0/10')).toBe(expected);
  });
});

describe('ports and verdicts', () => {
  it.each([
    ['-1/-1', [0, 65535]],
    ['', [0, 65535]],
    ['443/443', [443, 443]],
    ['1/65535', [1, 65535]],
    ['443', [443, 443]],
    ['80/22', null],
    ['1/70000', null],
    ['a/b', null],
  ] as const)('parses port range %s', (text, expected) => {
    expect(parsePortRange(text)).toEqual(expected);
  });

  it.each([
    ['-1/-1', [443, 443], 'full'],
    ['443/443', [443, 443], 'full'],
    ['80/80', [443, 443], 'none'],
    ['1/1023', [1024, 65535], 'none'],
    ['1024/65535', [1024, 65535], 'full'],
    ['32768/61000', [1024, 65535], 'partial'],
    ['x', [443, 443], 'unreadable'],
  ] as const)('port %s over %j is %s', (range, need, expected) => {
    expect(portCoverage(range, need)).toBe(expected);
  });

  it('orders verdicts', () => {
    expect(worst()).toBe('pass');
    expect(worst('pass', 'warn')).toBe('warn');
    expect(worst('warn', 'fail', 'pass')).toBe('fail');
  });
});

let ruleSeq = 0;
function rule(
  policy: 'Accept' | 'Drop',
  priority: number,
  destCidrIp: string | null,
  extra: Partial<SecurityGroupEgressRule> = {},
): SecurityGroupEgressRule {
  ruleSeq += 1;
  return {
    ruleId: `sgr-${ruleSeq}`,
    ipProtocol: 'ALL',
    portRange: '-1/-1',
    destCidrIp,
    ipv6DestCidrIp: null,
    destGroupId: null,
    destPrefixListId: null,
    destPrefixListName: null,
    portRangeListId: null,
    policy,
    priority,
    description: '',
    ...extra,
  };
}

type SgRow = [
  name: string,
  type: 'normal' | 'enterprise' | null,
  rules: SecurityGroupEgressRule[],
  https: 'pass' | 'warn' | 'fail',
  decision: SgDecision,
];

describe('security group evaluation (C2), HTTPS probe', () => {
  const rows: SgRow[] = [
    ['basic without rules', 'normal', [], 'pass', 'implicitAllow'],
    ['enterprise without rules', 'enterprise', [], 'fail', 'implicitDeny'],
    [
      'enterprise Accept 0.0.0.0/0',
      'enterprise',
      [rule('Accept', 100, '0.0.0.0/0')],
      'pass',
      'explicitAccept',
    ],
    [
      'basic Accept 0.0.0.0/0',
      'normal',
      [rule('Accept', 1, '0.0.0.0/0')],
      'pass',
      'explicitAccept',
    ],
    [
      'enterprise Accept 100.64.0.0/10 (ACK recommendation)',
      'enterprise',
      [rule('Accept', 1, '100.64.0.0/10')],
      'pass',
      'explicitAccept',
    ],
    [
      'enterprise Accept 100.0.0.0/8',
      'enterprise',
      [rule('Accept', 5, '100.0.0.0/8')],
      'pass',
      'explicitAccept',
    ],
    [
      'Drop /10 prio 1 over Accept prio 2',
      'enterprise',
      [rule('Accept', 2, '0.0.0.0/0'), rule('Drop', 1, '100.64.0.0/10')],
      'fail',
      'explicitDrop',
    ],
    [
      'Accept prio 1 over Drop prio 2',
      'enterprise',
      [rule('Drop', 2, '0.0.0.0/0'), rule('Accept', 1, '100.64.0.0/10')],
      'pass',
      'explicitAccept',
    ],
    [
      'equal priority: Drop wins whatever the order',
      'enterprise',
      [rule('Accept', 5, '100.64.0.0/10'), rule('Drop', 5, '0.0.0.0/0')],
      'fail',
      'explicitDrop',
    ],
    [
      'equal priority: Drop wins (listed first)',
      'normal',
      [rule('Drop', 1, '0.0.0.0/0'), rule('Accept', 1, '100.64.0.0/10')],
      'fail',
      'explicitDrop',
    ],
    [
      'partial Drop 100.100.0.0/16 above a full Accept',
      'enterprise',
      [rule('Drop', 1, '100.100.0.0/16'), rule('Accept', 2, '100.64.0.0/10')],
      'warn',
      'partialDrop',
    ],
    [
      'partial Drop below a full Accept does not matter',
      'enterprise',
      [rule('Accept', 1, '100.64.0.0/10'), rule('Drop', 2, '100.100.0.0/16')],
      'pass',
      'explicitAccept',
    ],
    [
      'basic with a partial Drop only',
      'normal',
      [rule('Drop', 1, '100.100.0.0/16')],
      'warn',
      'partialDrop',
    ],
    [
      'enterprise with a partial Accept only',
      'enterprise',
      [rule('Accept', 1, '100.100.0.0/16')],
      'warn',
      'partialAccept',
    ],
    [
      'partial Accept above a full Drop',
      'normal',
      [rule('Accept', 1, '100.100.0.0/16'), rule('Drop', 2, '0.0.0.0/0')],
      'warn',
      'partialAccept',
    ],
    [
      'enterprise with a partial Drop only',
      'enterprise',
      [rule('Drop', 1, '100.100.0.0/16')],
      'fail',
      'implicitDeny',
    ],
    [
      'prefix-list Accept in an enterprise group',
      'enterprise',
      [rule('Accept', 1, null, { destPrefixListId: 'pl-abc', destPrefixListName: 'cloud' })],
      'warn',
      'partialAccept',
    ],
    [
      'prefix-list Drop above a full Accept',
      'enterprise',
      [rule('Drop', 1, null, { destPrefixListId: 'pl-abc' }), rule('Accept', 2, '0.0.0.0/0')],
      'warn',
      'partialDrop',
    ],
    [
      'port-range-list Accept in an enterprise group',
      'enterprise',
      [rule('Accept', 1, '100.64.0.0/10', { ipProtocol: 'TCP', portRangeListId: 'prl-1' })],
      'warn',
      'partialAccept',
    ],
    [
      'TCP 443/443 Accept to the /10',
      'enterprise',
      [rule('Accept', 1, '100.64.0.0/10', { ipProtocol: 'TCP', portRange: '443/443' })],
      'pass',
      'explicitAccept',
    ],
    [
      'TCP 80/80 Accept only',
      'enterprise',
      [rule('Accept', 1, '100.64.0.0/10', { ipProtocol: 'TCP', portRange: '80/80' })],
      'fail',
      'implicitDeny',
    ],
    [
      'TCP 80 Drop does not touch 443 in a basic group',
      'normal',
      [rule('Drop', 1, '0.0.0.0/0', { ipProtocol: 'TCP', portRange: '80/80' })],
      'pass',
      'implicitAllow',
    ],
    [
      'lower-case tcp 1/65535 Accept',
      'enterprise',
      [rule('Accept', 1, '0.0.0.0/0', { ipProtocol: 'tcp', portRange: '1/65535' })],
      'pass',
      'explicitAccept',
    ],
    [
      'UDP Accept does not carry HTTPS',
      'enterprise',
      [rule('Accept', 1, '100.64.0.0/10', { ipProtocol: 'UDP' })],
      'fail',
      'implicitDeny',
    ],
    [
      'UDP Drop does not block HTTPS',
      'enterprise',
      [rule('Drop', 1, '0.0.0.0/0', { ipProtocol: 'UDP' }), rule('Accept', 2, '100.64.0.0/10')],
      'pass',
      'explicitAccept',
    ],
    [
      'ICMP Accept does not carry HTTPS',
      'enterprise',
      [rule('Accept', 1, '0.0.0.0/0', { ipProtocol: 'ICMP' })],
      'fail',
      'implicitDeny',
    ],
    ['basic + Drop 0.0.0.0/0', 'normal', [rule('Drop', 1, '0.0.0.0/0')], 'fail', 'explicitDrop'],
    [
      'basic + Drop 0.0.0.0/0 + Accept TCP 443 to 10/8 (demo basic-locked-down)',
      'normal',
      [
        rule('Accept', 1, '10.0.0.0/8', { ipProtocol: 'TCP', portRange: '443/443' }),
        rule('Drop', 1, '0.0.0.0/0'),
      ],
      'fail',
      'explicitDrop',
    ],
    [
      'basic with only an Accept that misses the range (C2 unconfirmed)',
      'normal',
      [rule('Accept', 1, '10.0.0.0/8')],
      'warn',
      'basicUnconfirmed',
    ],
    [
      'basic with only a Drop that misses the range',
      'normal',
      [rule('Drop', 1, '10.0.0.0/8')],
      'pass',
      'implicitAllow',
    ],
    [
      'DestGroupId and IPv6 rules are ignored',
      'enterprise',
      [
        rule('Accept', 1, null, { destGroupId: 'sg-other' }),
        rule('Accept', 1, null, { ipv6DestCidrIp: '::/0' }),
      ],
      'fail',
      'implicitDeny',
    ],
    [
      'priority 100 Accept still accepts',
      'enterprise',
      [rule('Accept', 100, '0.0.0.0/0')],
      'pass',
      'explicitAccept',
    ],
    [
      'lower-case policies',
      'enterprise',
      [
        rule('Accept', 2, '0.0.0.0/0', { policy: 'accept' }),
        rule('Drop', 1, '100.64.0.0/10', { policy: 'drop' }),
      ],
      'fail',
      'explicitDrop',
    ],
    [
      'unknown type, both readings agree',
      null,
      [rule('Drop', 1, '0.0.0.0/0')],
      'fail',
      'explicitDrop',
    ],
    ['unknown type without rules: readings disagree', null, [], 'warn', 'typeUnknown'],
  ];

  it.each(rows)('%s', (_name, type, rules, verdict, decision) => {
    const result = evaluateSecurityGroup({ securityGroupId: 'sg-test', type, rules }, HTTPS_PROBE);
    expect({ verdict: result.verdict, decision: result.decision }).toEqual({ verdict, decision });
    expect(result.reason).toContain('sg-test');
  });

  it('names the deciding rule and the caveat', () => {
    const drop = rule('Drop', 1, '100.100.0.0/16');
    const accept = rule('Accept', 2, '100.64.0.0/10');
    const result = evaluateSecurityGroup(
      { securityGroupId: 'sg-x', type: 'enterprise', rules: [accept, drop] },
      HTTPS_PROBE,
    );
    expect(result.rule).toBe(accept);
    expect(result.caveat).toBe(drop);
    expect(result.reason).toContain(drop.ruleId!);
    expect(result.reason).toContain(accept.ruleId!);
  });
});

describe('security group evaluation, DNS probe (UDP 53 to 100.100.2.128/28)', () => {
  it.each<SgRow>([
    [
      'enterprise Accept ALL to the /10 carries DNS',
      'enterprise',
      [rule('Accept', 1, '100.64.0.0/10')],
      'pass',
      'explicitAccept',
    ],
    [
      'enterprise with TCP only: DNS denied',
      'enterprise',
      [rule('Accept', 1, '100.64.0.0/10', { ipProtocol: 'TCP' })],
      'fail',
      'implicitDeny',
    ],
    [
      'UDP 53 Accept to the DNS servers',
      'enterprise',
      [rule('Accept', 1, '100.100.2.128/28', { ipProtocol: 'UDP', portRange: '53/53' })],
      'pass',
      'explicitAccept',
    ],
    [
      'UDP 53 Drop to the /10 in a basic group',
      'normal',
      [rule('Drop', 1, '100.64.0.0/10', { ipProtocol: 'UDP', portRange: '53/53' })],
      'fail',
      'explicitDrop',
    ],
    [
      'Drop 100.100.0.0/16 does not leave DNS partial: it covers it',
      'normal',
      [rule('Drop', 1, '100.100.0.0/16')],
      'fail',
      'explicitDrop',
    ],
  ])('%s', (_name, type, rules, verdict, decision) => {
    const result = evaluateSecurityGroup({ securityGroupId: 'sg-dns', type, rules }, DNS_PROBE);
    expect({ verdict: result.verdict, decision: result.decision }).toEqual({ verdict, decision });
  });
});

let entrySeq = 0;
function entry(
  policy: 'accept' | 'drop',
  cidr: string | null,
  extra: Partial<NetworkAclEntry> = {},
): NetworkAclEntry {
  entrySeq += 1;
  return {
    entryId: `nae-${entrySeq}`,
    name: `entry-${entrySeq}`,
    entryType: 'custom',
    policy,
    protocol: 'all',
    port: '-1/-1',
    cidr,
    ipVersion: 'IPv4',
    ...extra,
  };
}
const denyRest = () => entry('drop', '0.0.0.0/0', { entryType: 'system', name: 'deny-rest' });
const allowIn = () => [entry('accept', '100.64.0.0/10'), denyRest()];
const allowOut = () => [entry('accept', '100.64.0.0/10'), denyRest()];

describe('network ACL evaluation (C3)', () => {
  type AclRow = [
    name: string,
    egress: NetworkAclEntry[],
    ingress: NetworkAclEntry[],
    verdict: 'pass' | 'warn' | 'fail',
    egressDecision: string,
    ingressDecision: string,
    status?: string,
  ];
  const rows: AclRow[] = [
    ['empty ACL denies all', [], [], 'fail', 'empty', 'empty'],
    ['empty egress only', [], allowIn(), 'fail', 'empty', 'explicitAccept'],
    [
      'accept before drop both ways',
      allowOut(),
      allowIn(),
      'pass',
      'explicitAccept',
      'explicitAccept',
    ],
    [
      'drop first',
      [entry('drop', '0.0.0.0/0'), entry('accept', '100.64.0.0/10')],
      allowIn(),
      'fail',
      'explicitDrop',
      'explicitAccept',
    ],
    [
      'missing ingress return rule',
      allowOut(),
      [denyRest()],
      'fail',
      'explicitAccept',
      'explicitDrop',
    ],
    [
      'ingress allows only 10/8 (demo internal-only mirror)',
      allowOut(),
      [entry('accept', '10.0.0.0/8'), denyRest()],
      'fail',
      'explicitAccept',
      'explicitDrop',
    ],
    [
      'egress only tcp 443 to 10/8 then deny (demo internal-only)',
      [entry('accept', '10.0.0.0/8', { protocol: 'tcp', port: '443/443' }), denyRest()],
      [entry('accept', '0.0.0.0/0')],
      'fail',
      'explicitDrop',
      'explicitAccept',
    ],
    [
      'tcp 443 out and tcp 1024-65535 in',
      [entry('accept', '100.64.0.0/10', { protocol: 'tcp', port: '443/443' }), denyRest()],
      [entry('accept', '100.64.0.0/10', { protocol: 'tcp', port: '1024/65535' }), denyRest()],
      'pass',
      'explicitAccept',
      'explicitAccept',
    ],
    [
      'tcp 80 out only',
      [entry('accept', '100.64.0.0/10', { protocol: 'tcp', port: '80/80' }), denyRest()],
      allowIn(),
      'fail',
      'explicitDrop',
      'explicitAccept',
    ],
    [
      'udp out does not carry HTTPS',
      [entry('accept', '0.0.0.0/0', { protocol: 'udp', port: '1/65535' })],
      allowIn(),
      'fail',
      'implicitDeny',
      'explicitAccept',
    ],
    [
      'ingress only on the Linux ephemeral range',
      allowOut(),
      [entry('accept', '100.64.0.0/10', { protocol: 'tcp', port: '32768/61000' }), denyRest()],
      'warn',
      'explicitAccept',
      'partialAccept',
    ],
    [
      'partial drop before the accept',
      [entry('drop', '100.100.0.0/16'), ...allowOut()],
      allowIn(),
      'warn',
      'partialDrop',
      'explicitAccept',
    ],
    [
      'partial accept then deny',
      [entry('accept', '100.100.0.0/16'), denyRest()],
      allowIn(),
      'warn',
      'partialAccept',
      'explicitAccept',
    ],
    [
      'no deny entry and nothing matches: implicit deny',
      [entry('accept', '10.0.0.0/8')],
      allowIn(),
      'fail',
      'implicitDeny',
      'explicitAccept',
    ],
    [
      'IPv6 entries are skipped',
      [entry('accept', '::/0', { ipVersion: 'IPv6' }), denyRest()],
      allowIn(),
      'fail',
      'explicitDrop',
      'explicitAccept',
    ],
    [
      'system entries take part in order',
      [denyRest(), entry('accept', '100.64.0.0/10')],
      allowIn(),
      'fail',
      'explicitDrop',
      'explicitAccept',
    ],
    [
      'unreadable destination before a full accept is a caveat',
      [entry('drop', 'pl-123'), ...allowOut()],
      allowIn(),
      'warn',
      'partialDrop',
      'explicitAccept',
    ],
    [
      'Modifying turns a pass into warn',
      allowOut(),
      allowIn(),
      'warn',
      'explicitAccept',
      'explicitAccept',
      'Modifying',
    ],
    [
      'Modifying keeps a fail',
      [denyRest()],
      allowIn(),
      'fail',
      'explicitDrop',
      'explicitAccept',
      'Modifying',
    ],
  ];

  it.each(rows)(
    '%s',
    (_name, egress, ingress, verdict, egressDecision, ingressDecision, status) => {
      const result = evaluateNetworkAcl({
        networkAclId: 'nacl-test',
        status: status ?? 'Available',
        egress,
        ingress,
      });
      expect({
        verdict: result.verdict,
        egress: result.egress.decision,
        ingress: result.ingress.decision,
      }).toEqual({ verdict, egress: egressDecision, ingress: ingressDecision });
      expect(result.reason).toContain('nacl-test');
    },
  );

  it('a vSwitch still binding makes it warn', () => {
    const result = evaluateNetworkAcl(
      {
        networkAclId: 'nacl-b',
        status: 'Available',
        egress: allowOut(),
        ingress: allowIn(),
        resources: [{ resourceId: 'vsw-1', resourceType: 'VSwitch', status: 'BINDING' }],
      },
      { vSwitchId: 'vsw-1' },
    );
    expect(result.verdict).toBe('warn');
    expect(result.inFlux).toContain('binding');
  });

  it('names the deciding entry', () => {
    const drop = entry('drop', '0.0.0.0/0', { name: 'block-all' });
    const result = evaluateNetworkAcl({
      networkAclId: 'nacl-d',
      status: 'Available',
      egress: [drop],
      ingress: allowIn(),
    });
    expect(result.egress.entry).toBe(drop);
    expect(result.reason).toContain(drop.entryId!);
    expect(result.reason).toContain('block-all');
  });
});

// ---- checkKmsEgress over a scripted session ---------------------------------------------------

interface World {
  sgType?: string;
  sgRules?: Record<string, unknown>[];
  vswitches?: Record<string, string>; // vSwitch -> ACL id ('' = none)
  acls?: Record<
    string,
    { status?: string; egress: Record<string, unknown>[]; ingress: Record<string, unknown>[] }
  >;
  errors?: Partial<Record<string, CloudErrorKind>>;
}

function cloudError(action: string, kind: CloudErrorKind): CloudError {
  return new CloudError(`${action} failed: ${kind}`, {
    kind,
    product: action.includes('Security') ? 'ecs' : 'vpc',
    action,
    cloudCode: kind === 'permission' ? 'Forbidden.RAM' : null,
    httpStatus: kind === 'permission' ? 403 : null,
    requestId: kind === 'permission' ? 'req-denied' : null,
  });
}

/**
 * Answers as the cloud does (the JSON body, PascalCase), read by the readers `invoke` would read
 * it with (cloud/ecs-wire.ts, vpc-wire.ts), without any HTTP.
 */
function scripted(world: World) {
  const calls: string[] = [];
  const pascal = (p: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(p).map(([k, v]) => [k[0]!.toUpperCase() + k.slice(1), v]));
  const session = {
    accountKey: 'test',
    async call(_product: string, action: string, _region: string) {
      calls.push(action);
      const kind = world.errors?.[action];
      if (kind) throw cloudError(action, kind);
      switch (action) {
        case 'DescribeSecurityGroups':
          return securityGroupsPageFromWire({
            RequestId: 'req-sgs',
            NextToken: '',
            SecurityGroups: {
              SecurityGroup: [
                {
                  SecurityGroupId: 'sg-1',
                  SecurityGroupType: world.sgType ?? 'normal',
                  VpcId: 'vpc-1',
                },
              ],
            },
          });
        case 'DescribeSecurityGroupAttribute':
          return permissionsPageFromWire({
            RequestId: 'req-attr',
            NextToken: '',
            InnerAccessPolicy: 'Accept',
            Permissions: { Permission: (world.sgRules ?? []).map(pascal) },
          });
        case 'DescribeVSwitches': {
          const [id, acl] = Object.entries(world.vswitches ?? {})[0] ?? ['vsw-1', ''];
          return vSwitchesPageFromWire({
            RequestId: `req-vsw-${id}`,
            VSwitches: { VSwitch: [{ VSwitchId: id, VpcId: 'vpc-1', NetworkAclId: acl }] },
          });
        }
        case 'DescribeNetworkAclAttributes': {
          const [id, acl] = Object.entries(world.acls ?? {})[0]!;
          return networkAclFromWire({
            RequestId: `req-acl-${id}`,
            NetworkAclAttribute: {
              NetworkAclId: id,
              Status: acl.status ?? 'Available',
              EgressAclEntries: { EgressAclEntry: acl.egress.map(pascal) },
              IngressAclEntries: { IngressAclEntry: acl.ingress.map(pascal) },
              Resources: { Resource: [] },
            },
          });
        }
        default:
          throw new Error(`unexpected ${action}`);
      }
    },
  };
  return { session: session as unknown as CloudSession, calls };
}

const cluster = { regionId: 'cn-hangzhou', securityGroupId: 'sg-1', vswitchIds: ['vsw-1'] };
const perm = (p: Record<string, unknown>) => ({
  securityGroupRuleId: 'sgr-a',
  direction: 'egress',
  ipProtocol: 'ALL',
  portRange: '-1/-1',
  policy: 'Accept',
  priority: '1',
  ...p,
});
const aclEntry = (p: Record<string, unknown>) => ({
  networkAclEntryId: 'nae-a',
  networkAclEntryName: 'a',
  entryType: 'custom',
  policy: 'accept',
  protocol: 'all',
  port: '-1/-1',
  ipVersion: 'IPv4',
  ...p,
});
const goodAcl = {
  egress: [aclEntry({ destinationCidrIp: '100.64.0.0/10' })],
  ingress: [aclEntry({ sourceCidrIp: '100.64.0.0/10' })],
};

describe('checkKmsEgress', () => {
  it('passes a basic group without rules and no ACL, with request ids in evidence', async () => {
    const { session } = scripted({});
    const r = await checkKmsEgress(session, cluster);
    expect(r.id).toBe('network.kmsEgress');
    expect(r.status).toBe('pass');
    expect(r.fix).toBeNull(); // present, and null: nothing to fix
    expect(r.evidence).toMatchObject({
      securityGroupId: 'sg-1',
      securityGroupType: 'normal',
      'securityGroup.https.verdict': 'pass',
      'securityGroup.https.decision': 'implicitAllow',
      'vswitch.vsw-1.networkAclId': null,
      'requestIds.DescribeSecurityGroups': 'req-sgs',
      'requestIds.DescribeSecurityGroupAttribute': 'req-attr',
      'requestIds.DescribeVSwitches': 'req-vsw-vsw-1',
    });
  });

  it('fails an enterprise group with a Drop at priority 1, naming the rule and the fix', async () => {
    const { session } = scripted({
      sgType: 'enterprise',
      sgRules: [
        perm({ securityGroupRuleId: 'sgr-drop', policy: 'Drop', destCidrIp: '100.64.0.0/10' }),
        perm({ securityGroupRuleId: 'sgr-ok', priority: '2', destCidrIp: '0.0.0.0/0' }),
      ],
    });
    const r = await checkKmsEgress(session, cluster);
    expect(r.status).toBe('fail');
    expect(r.evidence).toMatchObject({
      securityGroupType: 'enterprise',
      'securityGroup.https.ruleId': 'sgr-drop',
      'securityGroup.https.priority': 1,
      'securityGroup.https.policy': 'Drop',
      'securityGroup.https.cidr': '100.64.0.0/10',
    });
    expect(String(r.evidence.decidedBy)).toContain('sgr-drop');
    expect(r.fix?.consoleUrl).toBe(
      'https://ecs.console.aliyun.com/securityGroupDetail/region/cn-hangzhou/groupId/sg-1/detail/intranetEgress',
    );
    expect(r.fix?.hint).toContain('100.64.0.0/10, priority 1');
    expect(r.fix?.hint).toContain('remove or narrow sgr-drop');
  });

  it('warns (not fails) when only DNS is blocked', async () => {
    const { session } = scripted({
      sgRules: [
        perm({ policy: 'Drop', ipProtocol: 'UDP', portRange: '53/53', destCidrIp: '0.0.0.0/0' }),
      ],
    });
    const r = await checkKmsEgress(session, cluster);
    expect(r.status).toBe('warn');
    expect(r.evidence['securityGroup.https.verdict']).toBe('pass');
    expect(r.evidence['securityGroup.dns.verdict']).toBe('warn');
    expect(r.evidence['securityGroup.dns.decision']).toBe('explicitDrop');
  });

  it('fails on a network ACL that drops first, naming ACL and entry', async () => {
    const { session } = scripted({
      vswitches: { 'vsw-1': 'nacl-1' },
      acls: {
        'nacl-1': {
          egress: [
            aclEntry({
              networkAclEntryId: 'nae-drop',
              networkAclEntryName: 'deny',
              policy: 'drop',
              destinationCidrIp: '0.0.0.0/0',
            }),
          ],
          ingress: goodAcl.ingress,
        },
      },
    });
    const r = await checkKmsEgress(session, cluster);
    expect(r.status).toBe('fail');
    expect(r.evidence).toMatchObject({
      'vswitch.vsw-1.networkAclId': 'nacl-1',
      'networkAcl.nacl-1.verdict': 'fail',
      'networkAcl.nacl-1.egress.entryId': 'nae-drop',
      'networkAcl.nacl-1.egress.entryName': 'deny',
      'requestIds.DescribeNetworkAclAttributes': 'req-acl-nacl-1',
    });
    expect(r.fix?.consoleUrl).toBe('https://vpc.console.aliyun.com/nacl/cn-hangzhou/nacls');
    expect(r.fix?.hint).toContain('nacl-1');
    expect(r.fix?.hint).toContain('outbound');
    expect(r.fix?.hint).not.toContain('inbound');
  });

  it('passes with a good ACL; warns while it is Modifying', async () => {
    const ok = await checkKmsEgress(
      scripted({ vswitches: { 'vsw-1': 'nacl-1' }, acls: { 'nacl-1': goodAcl } }).session,
      cluster,
    );
    expect(ok.status).toBe('pass');
    const modifying = await checkKmsEgress(
      scripted({
        vswitches: { 'vsw-1': 'nacl-1' },
        acls: { 'nacl-1': { ...goodAcl, status: 'Modifying' } },
      }).session,
      cluster,
    );
    expect(modifying.status).toBe('warn');
    expect(modifying.evidence['networkAcl.nacl-1.status']).toBe('Modifying');
    expect(modifying.fix?.hint).toContain('Available');
  });

  it('is manual when the caller may not read the security group', async () => {
    const { session } = scripted({
      errors: {
        DescribeSecurityGroupAttribute: 'permission',
        DescribeSecurityGroups: 'permission',
      },
    });
    const r = await checkKmsEgress(session, cluster);
    expect(r.status).toBe('manual');
    expect(r.fix?.hint).toContain('ecs:DescribeSecurityGroupAttribute');
    expect(r.fix?.hint).toContain('100.64.0.0/10');
    expect(r.fix?.consoleUrl).toContain('ecs.console.aliyun.com');
    expect(String(r.evidence['error.DescribeSecurityGroupAttribute'])).toContain('req-denied');
  });

  it('is manual when the caller may not read the network ACL', async () => {
    const { session } = scripted({
      vswitches: { 'vsw-1': 'nacl-1' },
      acls: { 'nacl-1': goodAcl },
      errors: { DescribeNetworkAclAttributes: 'permission' },
    });
    const r = await checkKmsEgress(session, cluster);
    expect(r.status).toBe('manual');
    expect(r.summary).toContain('network ACL');
  });

  it('still fails when a definite block is seen, even if something else could not be read', async () => {
    const { session } = scripted({
      sgRules: [perm({ policy: 'Drop', destCidrIp: '0.0.0.0/0' })],
      vswitches: { 'vsw-1': 'nacl-1' },
      acls: { 'nacl-1': goodAcl },
      errors: { DescribeNetworkAclAttributes: 'permission' },
    });
    expect((await checkKmsEgress(session, cluster)).status).toBe('fail');
  });

  it('does not need the group type when both readings agree', async () => {
    const { session } = scripted({
      sgRules: [perm({ destCidrIp: '0.0.0.0/0' })],
      errors: { DescribeSecurityGroups: 'permission' },
    });
    const r = await checkKmsEgress(session, cluster);
    expect(r.status).toBe('pass');
    expect(r.evidence['error.DescribeSecurityGroups']).toBeTruthy();
  });

  it('is manual when the answer depends on a type it may not read', async () => {
    const { session } = scripted({ errors: { DescribeSecurityGroups: 'permission' } });
    expect((await checkKmsEgress(session, cluster)).status).toBe('manual');
  });

  it.each(['network', 'server', 'throttled'] as const)(
    'is unknown after a %s error',
    async (kind) => {
      const { session } = scripted({ errors: { DescribeSecurityGroupAttribute: kind } });
      const r = await checkKmsEgress(session, cluster);
      expect(r.status).toBe('unknown');
      expect(r.fix?.hint).toContain('run the check again');
    },
  );

  it('is unknown without a security group id (and asks ECS nothing)', async () => {
    const { session, calls } = scripted({});
    const r = await checkKmsEgress(session, { ...cluster, securityGroupId: null });
    expect(r.status).toBe('unknown');
    expect(r.summary).toContain('no security group');
    expect(calls).not.toContain('DescribeSecurityGroupAttribute');
  });

  it('warns when the cluster reports no vSwitches (ACLs unchecked)', async () => {
    const { session, calls } = scripted({});
    const r = await checkKmsEgress(session, { ...cluster, vswitchIds: [] });
    expect(r.status).toBe('warn');
    expect(r.summary).toContain('no vSwitches');
    expect(r.fix?.consoleUrl).toBe('https://vpc.console.aliyun.com/nacl/cn-hangzhou/nacls');
    expect(calls).not.toContain('DescribeVSwitches');
  });

  it('lets non-cloud errors (bugs, bad settings) through', async () => {
    const session = {
      call: async () => {
        throw new TypeError('boom');
      },
    } as unknown as CloudSession;
    await expect(checkKmsEgress(session, cluster)).rejects.toThrow('boom');
  });
});

describe('checkKmsEgress messages', () => {
  it('gives the exact security-group rule to add in both languages, with the rule to copy', async () => {
    const { session } = scripted({
      sgType: 'enterprise',
      sgRules: [
        perm({ securityGroupRuleId: 'sgr-drop', policy: 'Drop', destCidrIp: '100.64.0.0/10' }),
      ],
    });
    const r = await checkKmsEgress(session, cluster);
    expect(r.status).toBe('fail');
    expect(formatMessage(r.message!, 'en')).toBe(r.summary);
    const [first] = r.fix!.messages!;
    expect(formatMessage(first!, 'en')).toBe(
      'In security group sg-1, add the outbound rule Allow, all protocols, all ports (-1/-1), destination 100.64.0.0/10, priority 1, and remove or narrow sgr-drop (a Drop at priority 1 wins over an Allow at the same priority).',
    );
    expect(formatMessage(first!, 'zh-CN')).toBe(
      '在安全组 sg-1 中添加出方向规则：允许，全部协议，全部端口（-1/-1），目的 100.64.0.0/10，优先级 1；并删除或收窄 sgr-drop（优先级同为 1 时，拒绝规则优先于允许规则）。',
    );
    expect(r.fix?.copy).toBe(
      'Allow, all protocols, all ports (-1/-1), destination 100.64.0.0/10, priority 1',
    );
    expect(formatMessage(r.message!, 'zh-CN')).toBe(
      'KMS 插件无法访问 kms-vpc.cn-hangzhou.aliyuncs.com（100.64.0.0/10）：流量被拦截（详见依据中的“判定依据”）。',
    );
    // Every evidence field has a label in both languages.
    for (const name of Object.keys(r.evidence)) {
      expect(evidenceLabel(name, 'en'), name).not.toBeNull();
      expect(evidenceLabel(name, 'zh-CN'), name).not.toBeNull();
    }
  });

  it('names the network ACL and both directions to open, in zh-CN too', async () => {
    const { session } = scripted({
      vswitches: { 'vsw-1': 'nacl-1' },
      acls: { 'nacl-1': { egress: [], ingress: [] } },
    });
    const r = await checkKmsEgress(session, cluster);
    expect(r.status).toBe('fail');
    const texts = r.fix!.messages!.map((m) => formatMessage(m, 'zh-CN'));
    expect(texts).toContain(
      '在网络 ACL nacl-1 中添加出方向规则（允许全部协议访问 100.64.0.0/10）和入方向规则（允许来自 100.64.0.0/10 的全部协议，至少端口 1024-65535），并排在覆盖该网段的任何拒绝条目之前（条目按顺序生效）。',
    );
    expect(r.fix!.messages!.map((m) => formatMessage(m, 'en')).join(' ')).toBe(r.fix!.hint);
    for (const name of Object.keys(r.evidence)) expect(evidenceLabel(name), name).not.toBeNull();
  });
});
