// An aliyun CLI config with a profile of every mode, as `aliyun configure` writes them.
const NOW = Date.parse('2026-06-01T00:00:00Z');

/** A config with a profile of every mode the aliyun CLI knows (as `aliyun configure` writes). */
export function everyModeConfig(now = NOW) {
  const p = (name: string, mode: string, extra: Record<string, unknown> = {}) => ({
    name,
    mode,
    access_key_id: '',
    access_key_secret: '',
    sts_token: '',
    sts_expiration: 0,
    ram_role_name: '',
    ram_role_arn: '',
    ram_session_name: '',
    source_profile: '',
    private_key: '',
    key_pair_name: '',
    expired_seconds: 0,
    verified: '',
    region_id: 'cn-hangzhou',
    output_format: 'json',
    language: 'en',
    site: '',
    retry_timeout: 0,
    connect_timeout: 0,
    retry_count: 0,
    process_command: '',
    credentials_uri: '',
    ...extra,
  });
  return {
    current: 'ak',
    profiles: [
      p('ak', 'AK', {
        access_key_id: 'LTAI5tCliProfile0001',
        access_key_secret: 'cli-secret-0001-abcdef',
      }),
      p('legacy', '', {
        access_key_id: 'LTAI5tCliLegacy00001',
        access_key_secret: 'cli-secret-legacy-abc',
      }),
      p('sts', 'StsToken', {
        access_key_id: 'STS.NcliToken0001',
        access_key_secret: 'cli-sts-secret-0001',
        sts_token: 'CAIScliTokenValue0000000001',
        sts_expiration: Math.floor(now / 1000) + 3600,
      }),
      p('sts-old', 'StsToken', {
        access_key_id: 'STS.NcliToken0002',
        access_key_secret: 'cli-sts-secret-0002',
        sts_token: 'CAIScliTokenValue0000000002',
        sts_expiration: Math.floor(now / 1000) - 60,
      }),
      p('sts-noexp', 'StsToken', {
        access_key_id: 'STS.NcliToken0003',
        access_key_secret: 'cli-sts-secret-0003',
        sts_token: 'CAIScliTokenValue0000000003',
      }),
      p('role', 'RamRoleArn', {
        access_key_id: 'LTAI5tCliRoleSource01',
        access_key_secret: 'cli-role-source-secret',
        ram_role_arn: 'acs:ram::1000000000000003:role/ack-secret-guard-ops',
        ram_session_name: 'cli-session',
        expired_seconds: 900,
      }),
      p('ecs', 'EcsRamRole', { ram_role_name: 'ecs-role' }),
      p('rsa', 'RsaKeyPair', { private_key: 'PRIVATE', key_pair_name: 'kp' }),
      p('chain', 'ChainableRamRoleArn', {
        source_profile: 'ak',
        ram_role_arn: 'acs:ram::1:role/x',
      }),
      p('ext', 'External', { process_command: 'get-creds' }),
      p('uri', 'CredentialsURI', { credentials_uri: 'http://localhost/creds' }),
      p('oidc', 'OIDC'),
      p('sso', 'CloudSSO'),
      p('weird', 'SomethingNew'),
      p('ak-empty', 'AK'),
    ],
    meta_path: '',
  };
}
