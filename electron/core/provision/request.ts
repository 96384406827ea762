// The exact CreateCluster body for a spec (CS 2015-12-15 POST /clusters, snake_case), and the same
// cluster as a Terraform block and as an aliyun CLI command. What is shown is what is sent: the
// service passes this very object to cloud/cs-create.ts createCluster.
import type { ClusterSpec, CreateRequestPreview } from '../../contract/types/provision';

/** ACK Pro: the edition that can encrypt Secrets (an empty spec means Basic). */
export const PRO_SPEC = 'ack.pro.small';

export function createClusterBody(spec: ClusterSpec, keyId: string): Record<string, unknown> {
  const body: Record<string, unknown> = {
    name: spec.name,
    region_id: spec.regionId,
    cluster_type: 'ManagedKubernetes',
    profile: 'Edge',
    cluster_spec: PRO_SPEC,
  };
  if (spec.kubernetesVersion) body.kubernetes_version = spec.kubernetesVersion;
  body.vpcid = spec.vpcId;
  body.vswitch_ids = [...spec.vswitchIds];
  body.container_cidr = spec.containerCidr;
  body.service_cidr = spec.serviceCidr;
  if (spec.securityGroupId) body.security_group_id = spec.securityGroupId;
  else body.is_enterprise_security_group = spec.enterpriseSecurityGroup;
  body.snat_entry = spec.snatEntry;
  body.endpoint_public_access = spec.endpointPublicAccess;
  body.deletion_protection = spec.deletionProtection;
  body.encryption_provider_key = keyId;
  // ACK Edge runs Flannel (docs/alibaba-cloud-api.md §4.8): the pod CIDR above is Flannel's.
  body.addons = [{ name: 'flannel' }];
  return body;
}

/** An HCL string literal: JSON escapes plus "${" and "%{" which HCL would interpolate. */
function hcl(value: string): string {
  return JSON.stringify(value)
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
}

/** A Terraform resource name from the cluster name (letters, digits, "_" and "-", not a digit first). */
export function terraformName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_-]/g, '_');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `c_${cleaned}`;
}

/**
 * The cluster as alicloud_cs_managed_kubernetes (aliyun/terraform-provider-alicloud; attribute
 * names in docs/alibaba-cloud-api.md §4.8). `profile` needs provider 1.250.0,
 * `disable_encryption` 1.275.0.
 */
export function terraformBlock(spec: ClusterSpec, keyId: string): string {
  const lines: string[] = [];
  const attr = (name: string, value: string) => lines.push(`  ${name} = ${value}`);
  attr('name', hcl(spec.name));
  attr('profile', hcl('Edge'));
  attr('cluster_spec', hcl(PRO_SPEC));
  if (spec.kubernetesVersion) attr('version', hcl(spec.kubernetesVersion));
  attr('vswitch_ids', `[${spec.vswitchIds.map(hcl).join(', ')}]`);
  attr('pod_cidr', hcl(spec.containerCidr));
  attr('service_cidr', hcl(spec.serviceCidr));
  if (spec.securityGroupId) attr('security_group_id', hcl(spec.securityGroupId));
  else attr('is_enterprise_security_group', String(spec.enterpriseSecurityGroup));
  attr('new_nat_gateway', String(spec.snatEntry));
  attr('slb_internet_enabled', String(spec.endpointPublicAccess));
  attr('deletion_protection', String(spec.deletionProtection));
  attr('encryption_provider_key', hcl(keyId));
  attr('disable_encryption', 'false');
  return [
    `# ACK Edge Pro cluster with Secret encryption (KMS key ${keyId.replace(/[^A-Za-z0-9_:/.-]/g, '')}).`,
    '# Needs aliyun/alicloud >= 1.275.0 (profile: 1.250.0, disable_encryption: 1.275.0).',
    'provider "alicloud" {',
    `  region = ${hcl(spec.regionId)}`,
    '}',
    '',
    `resource "alicloud_cs_managed_kubernetes" ${hcl(terraformName(spec.name))} {`,
    ...lines,
    '',
    '  addons {',
    '    name = "flannel"',
    '  }',
    '}',
    '',
  ].join('\n');
}

/** One POSIX shell word: single quotes, with each ' written as '\''. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The aliyun CLI's ROA form: `aliyun cs POST /clusters --header … --body '<json>'`. */
export function aliyunCliCommand(body: Record<string, unknown>, regionId: string): string {
  return [
    'aliyun cs POST /clusters',
    `--region ${shellQuote(regionId)}`,
    `--header ${shellQuote('Content-Type=application/json')}`,
    `--body ${shellQuote(JSON.stringify(body))}`,
  ].join(' ');
}

export function requestPreview(spec: ClusterSpec, keyId: string): CreateRequestPreview {
  const body = createClusterBody(spec, keyId);
  return {
    body,
    terraform: terraformBlock(spec, keyId),
    aliyunCli: aliyunCliCommand(body, spec.regionId),
  };
}
