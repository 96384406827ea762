// The request shown before it is sent: the body, the Terraform block (parsed by HashiCorp's HCL
// parser, @cdktf/hcl2json), and the aliyun CLI command (its --body word read back by a shell).
import { execFileSync } from 'node:child_process';
import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import type { ClusterSpec } from '../../../electron/contract';
import {
  aliyunCliCommand,
  createClusterBody,
  requestPreview,
  shellQuote,
  terraformBlock,
} from '../../../electron/core/provision/request';
import { defaultCidrs, newestVersion } from '../../../electron/core/provision/spec';

const spec: ClusterSpec = {
  account: 'Retail',
  regionId: 'cn-hangzhou',
  name: 'edge-site-042',
  keyId: 'key-hzz6demovalid000000001',
  vpcId: 'vpc-hzdemoretail0001',
  vswitchIds: ['vsw-a1', 'vsw-b2'],
  containerCidr: '172.20.0.0/16',
  serviceCidr: '172.21.0.0/20',
  kubernetesVersion: '1.31.1-aliyun.1',
  securityGroupId: null,
  endpointPublicAccess: false,
  snatEntry: true,
  enterpriseSecurityGroup: true,
  deletionProtection: true,
};

/** Words of a command line as POSIX sh splits them (the real shell, not a reimplementation). */
function shellWords(command: string): string[] {
  const out = execFileSync('sh', [
    '-c',
    `for w in ${command.replace(/^aliyun /, '')}; do printf '%s\\0' "$w"; done`,
  ]);
  return out.toString('utf8').split('\0').slice(0, -1);
}

describe('the CreateCluster body', () => {
  it('asks for an Edge Pro cluster with the key and Flannel', () => {
    expect(createClusterBody(spec, spec.keyId)).toEqual({
      name: 'edge-site-042',
      region_id: 'cn-hangzhou',
      cluster_type: 'ManagedKubernetes',
      profile: 'Edge',
      cluster_spec: 'ack.pro.small',
      kubernetes_version: '1.31.1-aliyun.1',
      vpcid: 'vpc-hzdemoretail0001',
      vswitch_ids: ['vsw-a1', 'vsw-b2'],
      container_cidr: '172.20.0.0/16',
      service_cidr: '172.21.0.0/20',
      is_enterprise_security_group: true,
      snat_entry: true,
      endpoint_public_access: false,
      deletion_protection: true,
      encryption_provider_key: 'key-hzz6demovalid000000001',
      addons: [{ name: 'flannel' }],
    });
  });
  it('names an existing security group instead of asking for a new one', () => {
    const body = createClusterBody({ ...spec, securityGroupId: 'sg-123' }, spec.keyId);
    expect(body.security_group_id).toBe('sg-123');
    expect(body).not.toHaveProperty('is_enterprise_security_group');
  });
});

describe('the Terraform block', () => {
  it('is valid HCL with the provider attribute names and the values of the spec', async () => {
    const json = (await parse('main.tf', terraformBlock(spec, spec.keyId))) as {
      provider: { alicloud: { region: string }[] };
      resource: { alicloud_cs_managed_kubernetes: Record<string, Record<string, unknown>[]> };
    };
    expect(json.provider.alicloud[0]!.region).toBe('cn-hangzhou');
    const blocks = json.resource.alicloud_cs_managed_kubernetes;
    expect(Object.keys(blocks)).toEqual(['edge-site-042']);
    expect(blocks['edge-site-042']![0]).toEqual({
      name: 'edge-site-042',
      profile: 'Edge',
      cluster_spec: 'ack.pro.small',
      version: '1.31.1-aliyun.1',
      vswitch_ids: ['vsw-a1', 'vsw-b2'],
      pod_cidr: '172.20.0.0/16',
      service_cidr: '172.21.0.0/20',
      is_enterprise_security_group: true,
      new_nat_gateway: true,
      slb_internet_enabled: false,
      deletion_protection: true,
      encryption_provider_key: 'key-hzz6demovalid000000001',
      disable_encryption: false,
      addons: [{ name: 'flannel' }],
    });
  });
  it('keeps text that HCL would interpolate as text', async () => {
    const odd = { ...spec, name: '集群-a', keyId: 'alias/${evil}%{x}"q' };
    const json = (await parse('main.tf', terraformBlock(odd, odd.keyId))) as {
      resource: { alicloud_cs_managed_kubernetes: Record<string, Record<string, unknown>[]> };
    };
    const block = Object.values(json.resource.alicloud_cs_managed_kubernetes)[0]![0]!;
    // hcl2json writes a literal "$${" back as "${" only when it was escaped in the source.
    expect(block.encryption_provider_key).toBe('alias/$${evil}%%{x}"q');
    expect(block.name).toBe('集群-a');
  });
});

describe('the aliyun CLI command', () => {
  it('is the ROA form whose --body reads back as the same object', () => {
    const body = createClusterBody(spec, spec.keyId);
    const words = shellWords(aliyunCliCommand(body, spec.regionId));
    expect(words.slice(0, 3)).toEqual(['cs', 'POST', '/clusters']);
    expect(words[words.indexOf('--header') + 1]).toBe('Content-Type=application/json');
    expect(JSON.parse(words[words.indexOf('--body') + 1]!)).toEqual(body);
  });
  it('survives quotes, spaces and shell characters in values', () => {
    const body = { ...createClusterBody(spec, spec.keyId), name: `it's "a" $(rm -rf /) ; x` };
    const words = shellWords(aliyunCliCommand(body, spec.regionId));
    expect(JSON.parse(words[words.indexOf('--body') + 1]!)).toEqual(body);
    expect(shellWords(`x ${shellQuote("'")}`)).toEqual(['x', "'"]);
  });
  it('comes with the body and the block in one preview', () => {
    const preview = requestPreview(spec, spec.keyId);
    expect(preview.aliyunCli).toContain(JSON.stringify(preview.body).slice(0, 20));
    expect(preview.terraform).toContain('alicloud_cs_managed_kubernetes');
  });
});

describe('defaults', () => {
  it('pick pod and Service CIDRs clear of the VPC and of each other', () => {
    expect(defaultCidrs(['192.168.0.0/16'])).toEqual({
      containerCidr: '172.20.0.0/16',
      serviceCidr: '172.21.0.0/20',
    });
    expect(defaultCidrs(['172.16.0.0/12'])).toEqual({
      containerCidr: '10.0.0.0/16',
      serviceCidr: '192.168.0.0/16',
    });
  });
  it('take the newest version by its numbers', () => {
    expect(newestVersion(['1.9.0-aliyun.1', '1.31.1-aliyun.1', '1.30.7-aliyun.1'])).toBe(
      '1.31.1-aliyun.1',
    );
  });
});
