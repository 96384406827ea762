// network.kmsEgress against the simulator, through the real SDKs and CloudSession: the demo
// fixture's passing and failing security groups and ACLs, a caller without ECS/VPC read access
// (manual), cloud failures (unknown), and a small custom world for the cases the demo lacks.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  describeSecurityGroupEgress,
  describeSecurityGroupType,
} from '../../../electron/core/cloud/ecs';
import { CloudLimits, CloudSession } from '../../../electron/core/cloud/session';
import { describeNetworkAclAttributes, describeVSwitch } from '../../../electron/core/cloud/vpc';
import { checkKmsEgress as checkEgressWith } from '../../../electron/core/checks/network-egress';
import type { EgressClusterInput } from '../../../electron/core/checks/network-egress';
import { checkContextFor } from '../../support/check-context';
import {
  DEMO,
  demoCredentials,
  loadFixture,
  startSimulator,
  type FixtureInput,
  type Simulator,
} from '../../../simulator';

/** The check as the checklist runs it: its cloud reads through a CheckContext over `session`. */
const checkKmsEgress = (session: CloudSession, cluster: EgressClusterInput) =>
  checkEgressWith(checkContextFor(session, cluster.regionId), cluster);

function session(sim: Simulator, accessKeyId: string, secrets = demoCredentials()): CloudSession {
  const c = secrets.find((x) => x.accessKeyId === accessKeyId);
  if (!c) throw new Error(`no credential ${accessKeyId}`);
  return new CloudSession({
    accountKey: `test-${accessKeyId}`,
    credentials: async () => ({ accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret }),
    network: { endpoint: sim.url },
    limits: new CloudLimits(),
    env: {}, // never let a developer's ACK_SG_ENDPOINT or proxy leak in
    retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
    timeouts: { connectMs: 2_000, readMs: 2_000 },
  });
}

const demoFixture = loadFixture('demo');
function clusterInput(clusterId: string) {
  const c = demoFixture.accounts.flatMap((a) => a.clusters).find((x) => x.id === clusterId);
  if (!c) throw new Error(`no demo cluster ${clusterId}`);
  return {
    regionId: c.regionId,
    securityGroupId: c.securityGroupId || null,
    vswitchIds: c.vswitchIds,
  };
}

describe('network.kmsEgress on the demo fixture', () => {
  let sim: Simulator;
  let retail: CloudSession;
  beforeAll(async () => {
    sim = await startSimulator({ fixture: 'demo', port: 0 });
    retail = session(sim, DEMO.accessKeys.retailRoot);
  });
  afterAll(() => sim.stop());
  beforeEach(() => {
    sim.control.reset();
  });

  it('reads a security group, its egress rules, a vSwitch and its ACL through the SDKs', async () => {
    const type = await describeSecurityGroupType(
      retail,
      'cn-hangzhou',
      DEMO.securityGroups.enterpriseAllow,
    );
    expect(type).toMatchObject({ type: 'enterprise', vpcId: 'vpc-hzdemoretail0001' });
    expect(type.requestIds).toHaveLength(1);
    const egress = await describeSecurityGroupEgress(
      retail,
      'cn-hangzhou',
      DEMO.securityGroups.enterpriseAllow,
    );
    expect(egress.rules).toEqual([
      expect.objectContaining({
        policy: 'Accept',
        priority: 1,
        ipProtocol: 'ALL',
        portRange: '-1/-1',
        destCidrIp: '100.64.0.0/10',
      }),
    ]);
    expect(egress.rules[0]!.ruleId).toMatch(/^sgr-/);
    const vsw = await describeVSwitch(retail, 'cn-hangzhou', DEMO.vswitches.withAllowAcl);
    expect(vsw.networkAclId).toBe(DEMO.networkAcls.allow);
    const plain = await describeVSwitch(retail, 'cn-hangzhou', DEMO.vswitches.noAcl);
    expect(plain.networkAclId).toBeNull();
    const acl = await describeNetworkAclAttributes(retail, 'cn-hangzhou', DEMO.networkAcls.allow);
    expect(acl.status).toBe('Available');
    expect(acl.egress.map((e) => [e.policy, e.cidr, e.entryType])).toEqual([
      ['accept', '100.64.0.0/10', 'custom'],
      ['drop', '0.0.0.0/0', 'system'],
    ]);
    expect(acl.ingress[0]!.cidr).toBe('100.64.0.0/10');
  });

  it('unknown ids are notFound errors', async () => {
    await expect(describeSecurityGroupType(retail, 'cn-hangzhou', 'sg-nope')).rejects.toMatchObject(
      { kind: 'notFound' },
    );
    await expect(
      describeSecurityGroupEgress(retail, 'cn-hangzhou', 'sg-nope'),
    ).rejects.toMatchObject({ kind: 'notFound' });
    await expect(describeVSwitch(retail, 'cn-hangzhou', 'vsw-nope')).rejects.toMatchObject({
      kind: 'notFound',
    });
  });

  it('passes: basic group without rules, no ACL', async () => {
    const r = await checkKmsEgress(retail, clusterInput(DEMO.clusters.happy));
    expect(r.status).toBe('pass');
    expect(r.evidence).toMatchObject({
      securityGroupId: DEMO.securityGroups.basicOpen,
      securityGroupType: 'normal',
      'securityGroup.https.decision': 'implicitAllow',
      [`vswitch.${DEMO.vswitches.noAcl}.networkAclId`]: null,
    });
    expect(r.evidence['requestIds.DescribeSecurityGroupAttribute']).toBeTruthy();
    expect(r.evidence['requestIds.DescribeSecurityGroups']).toBeTruthy();
  });

  it('passes: enterprise group with the recommended rule and an ACL that allows both ways', async () => {
    const r = await checkKmsEgress(retail, clusterInput(DEMO.clusters.encrypted));
    expect(r.status).toBe('pass');
    const acl = DEMO.networkAcls.allow;
    expect(r.evidence).toMatchObject({
      securityGroupType: 'enterprise',
      'securityGroup.https.decision': 'explicitAccept',
      'securityGroup.https.cidr': '100.64.0.0/10',
      'securityGroup.https.priority': 1,
      [`networkAcl.${acl}.verdict`]: 'pass',
      [`networkAcl.${acl}.egress.entryName`]: 'to-cloud-services',
      [`networkAcl.${acl}.ingress.entryName`]: 'from-cloud-services',
    });
    expect(r.evidence['requestIds.DescribeNetworkAclAttributes']).toBeTruthy();
  });

  it('fails: enterprise group without egress rules (default deny)', async () => {
    const r = await checkKmsEgress(retail, clusterInput(DEMO.clusters.blockedSecurityGroup));
    expect(r.status).toBe('fail');
    expect(r.evidence).toMatchObject({
      securityGroupId: DEMO.securityGroups.enterpriseEmpty,
      securityGroupType: 'enterprise',
      'securityGroup.https.decision': 'implicitDeny',
    });
    expect(r.fix?.consoleUrl).toContain(
      `/region/cn-wuhan-lr/groupId/${DEMO.securityGroups.enterpriseEmpty}/`,
    );
    expect(r.fix?.hint).toContain('100.64.0.0/10, priority 1');
  });

  it('fails: basic group with Drop 0.0.0.0/0 at priority 1, naming the rule', async () => {
    const r = await checkKmsEgress(retail, clusterInput(DEMO.clusters.proDefault));
    expect(r.status).toBe('fail');
    expect(r.evidence).toMatchObject({
      securityGroupId: DEMO.securityGroups.basicDropAll,
      'securityGroup.https.decision': 'explicitDrop',
      'securityGroup.https.policy': 'Drop',
      'securityGroup.https.cidr': '0.0.0.0/0',
      'securityGroup.https.priority': 1,
    });
    const ruleId = String(r.evidence['securityGroup.https.ruleId']);
    expect(ruleId).toMatch(/^sgr-/);
    expect(r.fix?.hint).toContain(`remove or narrow ${ruleId}`);
  });

  it('fails: network ACL that sends only 10.0.0.0/8 and drops the rest', async () => {
    const r = await checkKmsEgress(retail, clusterInput(DEMO.clusters.blockedAcl));
    expect(r.status).toBe('fail');
    const acl = DEMO.networkAcls.drop;
    expect(r.evidence).toMatchObject({
      'securityGroup.https.verdict': 'pass',
      [`networkAcl.${acl}.verdict`]: 'fail',
      [`networkAcl.${acl}.egress.decision`]: 'explicitDrop',
      [`networkAcl.${acl}.egress.entryName`]: 'deny-rest',
    });
    expect(r.fix?.consoleUrl).toBe('https://vpc.console.aliyun.com/nacl/cn-shenzhen/nacls');
    expect(r.fix?.hint).toContain(acl);
  });

  it('passes for a RAM user with ECS/VPC read-only access (enterprise group, Accept 0.0.0.0/0 at priority 100)', async () => {
    const engineer = session(sim, DEMO.accessKeys.logisticsEngineer);
    const r = await checkKmsEgress(engineer, clusterInput(DEMO.clusters.logisticsOps));
    expect(r.status).toBe('pass');
    expect(r.evidence['securityGroup.https.priority']).toBe(100);
  });

  it('is manual for a RAM user who may not read security groups or ACLs', async () => {
    const auditor = session(sim, DEMO.accessKeys.logisticsAuditor);
    const r = await checkKmsEgress(auditor, clusterInput(DEMO.clusters.logisticsOps));
    expect(r.status).toBe('manual');
    expect(r.summary).toContain('may not read');
    expect(r.fix?.hint).toContain('ecs:DescribeSecurityGroupAttribute');
    expect(r.fix?.hint).toContain('100.64.0.0/10');
    expect(r.fix?.consoleUrl).toMatch(/^https:\/\/ecs\.console\.aliyun\.com\//);
    expect(String(r.evidence['error.DescribeSecurityGroupAttribute'])).toContain('permission');
  });

  it('is unknown when ECS keeps answering 503', async () => {
    sim.control.addFault({ kind: 'error503', product: 'ecs', count: 50 });
    const r = await checkKmsEgress(retail, clusterInput(DEMO.clusters.happy));
    expect(r.status).toBe('unknown');
    expect(r.fix?.hint).toContain('run the check again');
  });

  it('is unknown when the connection is reset', async () => {
    sim.control.addFault({ kind: 'reset', product: 'vpc', count: 50 });
    const r = await checkKmsEgress(retail, clusterInput(DEMO.clusters.encrypted));
    expect(r.status).toBe('unknown');
    expect(String(r.evidence[`error.DescribeVSwitches.${DEMO.vswitches.withAllowAcl}`])).toContain(
      'network',
    );
  });

  it('rides out one throttled answer (the session retries)', async () => {
    sim.control.addFault({
      kind: 'throttle',
      product: 'ecs',
      action: 'DescribeSecurityGroupAttribute',
      count: 1,
      retryAfterMs: 1,
    });
    const r = await checkKmsEgress(retail, clusterInput(DEMO.clusters.happy));
    expect(r.status).toBe('pass');
  });

  it('is unknown when the cluster reports no security group', async () => {
    const r = await checkKmsEgress(retail, {
      ...clusterInput(DEMO.clusters.happy),
      securityGroupId: null,
    });
    expect(r.status).toBe('unknown');
  });
});

// Cases the demo fixture does not hold, in a world of their own (loaded through the control API).
const ACCOUNT = '1000000000000099';
const AK = { id: 'LTAI5tEgressTestRoot001', secret: 'egress-test-secret' };
const custom: FixtureInput = {
  name: 'egress-cases',
  regions: [{ regionId: 'cn-hangzhou', localName: 'China (Hangzhou)' }],
  accounts: [
    {
      id: ACCOUNT,
      name: 'egress-cases',
      accessKeys: [{ id: AK.id, secret: AK.secret, principal: 'root' }],
      securityGroups: [
        {
          id: 'sg-partialdrop',
          regionId: 'cn-hangzhou',
          vpcId: 'vpc-1',
          type: 'enterprise',
          egress: [
            {
              policy: 'Accept',
              priority: 2,
              protocol: 'ALL',
              portRange: '-1/-1',
              destCidr: '100.64.0.0/10',
            },
            {
              policy: 'Drop',
              priority: 1,
              protocol: 'ALL',
              portRange: '-1/-1',
              destCidr: '100.100.0.0/16',
            },
          ],
        },
        {
          id: 'sg-https-only',
          regionId: 'cn-hangzhou',
          vpcId: 'vpc-1',
          type: 'enterprise',
          egress: [
            {
              policy: 'Accept',
              priority: 1,
              protocol: 'TCP',
              portRange: '443/443',
              destCidr: '100.64.0.0/10',
            },
          ],
        },
        {
          id: 'sg-port80',
          regionId: 'cn-hangzhou',
          vpcId: 'vpc-1',
          type: 'enterprise',
          egress: [
            {
              policy: 'Accept',
              priority: 1,
              protocol: 'TCP',
              portRange: '80/80',
              destCidr: '0.0.0.0/0',
            },
          ],
        },
        {
          id: 'sg-equalprio',
          regionId: 'cn-hangzhou',
          vpcId: 'vpc-1',
          type: 'enterprise',
          egress: [
            {
              policy: 'Accept',
              priority: 3,
              protocol: 'ALL',
              portRange: '-1/-1',
              destCidr: '100.64.0.0/10',
            },
            {
              policy: 'Drop',
              priority: 3,
              protocol: 'TCP',
              portRange: '1/65535',
              destCidr: '0.0.0.0/0',
            },
          ],
        },
        // Many rules, to cross the 1000-per-page boundary of DescribeSecurityGroupAttribute.
        {
          id: 'sg-many',
          regionId: 'cn-hangzhou',
          vpcId: 'vpc-1',
          type: 'enterprise',
          egress: [
            ...Array.from({ length: 1005 }, (_, i) => ({
              policy: 'Accept' as const,
              priority: 50,
              protocol: 'TCP' as const,
              portRange: `${1000 + i}/${1000 + i}`,
              destCidr: '10.0.0.0/8',
            })),
            {
              policy: 'Accept',
              priority: 60,
              protocol: 'ALL',
              portRange: '-1/-1',
              destCidr: '100.64.0.0/10',
            },
          ],
        },
        { id: 'sg-basic', regionId: 'cn-hangzhou', vpcId: 'vpc-1', type: 'normal' },
      ],
      vswitches: [
        {
          id: 'vsw-noreturn',
          regionId: 'cn-hangzhou',
          vpcId: 'vpc-1',
          zoneId: 'cn-hangzhou-i',
          cidr: '192.168.1.0/24',
          networkAclId: 'nacl-noreturn',
        },
        {
          id: 'vsw-empty',
          regionId: 'cn-hangzhou',
          vpcId: 'vpc-1',
          zoneId: 'cn-hangzhou-i',
          cidr: '192.168.2.0/24',
          networkAclId: 'nacl-empty',
        },
        {
          id: 'vsw-ok',
          regionId: 'cn-hangzhou',
          vpcId: 'vpc-1',
          zoneId: 'cn-hangzhou-j',
          cidr: '192.168.3.0/24',
          networkAclId: 'nacl-ok',
        },
        {
          id: 'vsw-ok2',
          regionId: 'cn-hangzhou',
          vpcId: 'vpc-1',
          zoneId: 'cn-hangzhou-k',
          cidr: '192.168.4.0/24',
          networkAclId: 'nacl-ok',
        },
        {
          id: 'vsw-plain',
          regionId: 'cn-hangzhou',
          vpcId: 'vpc-1',
          zoneId: 'cn-hangzhou-k',
          cidr: '192.168.5.0/24',
        },
      ],
      networkAcls: [
        {
          id: 'nacl-noreturn',
          regionId: 'cn-hangzhou',
          vpcId: 'vpc-1',
          egress: [
            {
              name: 'out',
              policy: 'accept',
              protocol: 'all',
              port: '-1/-1',
              cidr: '100.64.0.0/10',
            },
          ],
          ingress: [
            { name: 'ssh-in', policy: 'accept', protocol: 'tcp', port: '22/22', cidr: '0.0.0.0/0' },
            {
              name: 'deny-rest',
              policy: 'drop',
              protocol: 'all',
              port: '-1/-1',
              cidr: '0.0.0.0/0',
              entryType: 'system',
            },
          ],
        },
        { id: 'nacl-empty', regionId: 'cn-hangzhou', vpcId: 'vpc-1' },
        {
          id: 'nacl-ok',
          regionId: 'cn-hangzhou',
          vpcId: 'vpc-1',
          egress: [
            {
              name: 'https',
              policy: 'accept',
              protocol: 'tcp',
              port: '443/443',
              cidr: '100.64.0.0/10',
            },
          ],
          ingress: [
            {
              name: 'replies',
              policy: 'accept',
              protocol: 'tcp',
              port: '1024/65535',
              cidr: '100.64.0.0/10',
            },
          ],
        },
      ],
    },
  ],
};

describe('network.kmsEgress on a custom world', () => {
  let sim: Simulator;
  let root: CloudSession;
  const input = (securityGroupId: string, vswitchIds: string[] = ['vsw-plain']) => ({
    regionId: 'cn-hangzhou',
    securityGroupId,
    vswitchIds,
  });
  beforeAll(async () => {
    sim = await startSimulator({ fixture: 'demo', port: 0 });
    sim.control.load(custom);
    root = session(sim, AK.id, [{ accessKeyId: AK.id, accessKeySecret: AK.secret }] as ReturnType<
      typeof demoCredentials
    >);
  });
  afterAll(() => sim.stop());

  it.each([
    ['partial Drop 100.100.0.0/16 above the /10 Accept', 'sg-partialdrop', 'warn', 'partialDrop'],
    ['TCP 80 only', 'sg-port80', 'fail', 'implicitDeny'],
    ['equal priority: TCP Drop 0.0.0.0/0 beats ALL Accept', 'sg-equalprio', 'fail', 'explicitDrop'],
    ['Accept deciding on the second page of rules', 'sg-many', 'pass', 'explicitAccept'],
  ])('%s', async (_name, sg, status, decision) => {
    const r = await checkKmsEgress(root, input(sg));
    expect(r.status).toBe(status);
    expect(r.evidence['securityGroup.https.decision']).toBe(decision);
  });

  it('pages through more than 1000 egress rules', async () => {
    const egress = await describeSecurityGroupEgress(root, 'cn-hangzhou', 'sg-many');
    expect(egress.rules).toHaveLength(1006);
    // MaxResults 1000, or the simulator's smaller page-size cap: one call per page, no more.
    const cap = sim.control.pageSizeCaps()['ecs/DescribeSecurityGroupAttribute'] ?? 1000;
    expect(egress.requestIds).toHaveLength(Math.ceil(1006 / Math.min(cap, 1000)));
  });

  it('warns, not fails, when only DNS is not allowed (TCP 443 only in an enterprise group)', async () => {
    const r = await checkKmsEgress(root, input('sg-https-only'));
    expect(r.status).toBe('warn');
    expect(r.evidence['securityGroup.https.verdict']).toBe('pass');
    expect(r.evidence['securityGroup.dns.verdict']).toBe('warn');
    expect(r.evidence['securityGroup.dns.decision']).toBe('implicitDeny');
  });

  it('fails when the ACL lets requests out but not the replies back in', async () => {
    const r = await checkKmsEgress(root, input('sg-basic', ['vsw-noreturn']));
    expect(r.status).toBe('fail');
    expect(r.evidence).toMatchObject({
      'networkAcl.nacl-noreturn.egress.decision': 'explicitAccept',
      'networkAcl.nacl-noreturn.ingress.decision': 'explicitDrop',
      'networkAcl.nacl-noreturn.ingress.entryName': 'deny-rest',
    });
    expect(r.fix?.hint).toContain('inbound');
    expect(r.fix?.hint).not.toContain('outbound rule allowing');
  });

  it('fails on an ACL without entries', async () => {
    const r = await checkKmsEgress(root, input('sg-basic', ['vsw-empty']));
    expect(r.status).toBe('fail');
    expect(r.evidence['networkAcl.nacl-empty.egress.decision']).toBe('empty');
  });

  it('evaluates an ACL shared by two vSwitches once, and passes TCP-only least privilege', async () => {
    const before = sim.control.requestCount('vpc/DescribeNetworkAclAttributes');
    const r = await checkKmsEgress(root, input('sg-basic', ['vsw-ok', 'vsw-ok2', 'vsw-plain']));
    expect(r.status).toBe('pass');
    expect(sim.control.requestCount('vpc/DescribeNetworkAclAttributes') - before).toBe(1);
    expect(r.evidence['networkAcl.nacl-ok.vswitchIds']).toBe('vsw-ok,vsw-ok2');
  });

  it('takes the worst of several vSwitches', async () => {
    const r = await checkKmsEgress(root, input('sg-basic', ['vsw-ok', 'vsw-noreturn']));
    expect(r.status).toBe('fail');
    expect(String(r.evidence.decidedBy)).toContain('nacl-noreturn');
  });
});
