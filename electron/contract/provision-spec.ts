// The spec of a new cluster as the CLI's --file and the window's form give it. Shapes only;
// the core fills the defaults (CIDRs chosen clear of the VPC, the newest Edge version) and the
// preflight judges meaning (the VPC exists, the CIDRs do not overlap, the key is eligible).
import { z } from 'zod';
import { REGION_ID_MAX_LENGTH, REGION_ID_PATTERN } from './region-id';

/** CS CreateCluster `name`: 1-63 characters, letters, digits, Chinese, "-" and "_", not starting with "-". */
export const CLUSTER_NAME_PATTERN = /^[A-Za-z0-9\u4e00-\u9fa5][-A-Za-z0-9_\u4e00-\u9fa5]{0,62}$/;
const CIDR_PATTERN = /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/;
const cloudId = (prefix: string) =>
  z
    .string()
    .regex(
      new RegExp(`^${prefix}-[A-Za-z0-9]{1,64}$`),
      `must look like ${prefix}-… (letters and digits)`,
    );

export const clusterSpecInputSchema = z.strictObject({
  account: z.string().min(1).max(200),
  regionId: z
    .string()
    .max(REGION_ID_MAX_LENGTH)
    .regex(REGION_ID_PATTERN, 'not a region id (e.g. cn-hangzhou)'),
  name: z
    .string()
    .regex(
      CLUSTER_NAME_PATTERN,
      '1-63 characters: letters, digits, Chinese characters, "-" and "_", not starting with "-"',
    ),
  keyId: z.string().min(1).max(512),
  vpcId: cloudId('vpc'),
  vswitchIds: z.array(cloudId('vsw')).min(1).max(5),
  containerCidr: z.string().regex(CIDR_PATTERN, 'a CIDR block such as 172.20.0.0/16').optional(),
  serviceCidr: z.string().regex(CIDR_PATTERN, 'a CIDR block such as 192.168.0.0/16').optional(),
  kubernetesVersion: z.string().min(1).max(64).nullable().optional(),
  securityGroupId: cloudId('sg').nullable().optional(),
  endpointPublicAccess: z.boolean().optional(),
  snatEntry: z.boolean().optional(),
  enterpriseSecurityGroup: z.boolean().optional(),
  deletionProtection: z.boolean().optional(),
});

export type ClusterSpecInput = z.input<typeof clusterSpecInputSchema>;
