// Alibaba Cloud console pages a fix links to (opened externally; main allows only these hosts).
export const CONSOLE = {
  clusters: 'https://cs.console.aliyun.com/#/k8s/cluster/list',
  rbac: 'https://cs.console.aliyun.com/#/authorize',
  ramRoles: 'https://ram.console.aliyun.com/roles',
  ramUsers: 'https://ram.console.aliyun.com/users',
  kmsKeys: (regionId: string) => `https://kms.console.aliyun.com/${regionId}/key/list`,
  edgeProDoc:
    'https://www.alibabacloud.com/help/en/ack/ack-edge/security-and-compliance/use-kms-to-encrypt-kubernetes-secrets-1',
} as const;
