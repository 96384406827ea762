// The Secret-encryption state machine: validating a key for a cluster (UpdateKMSEncryption and
// CreateCluster share it), and the running -> updating -> running|updating_failed change over
// simulated time, with its task, meta_data change and ActionTrail record.
import { ApiError } from '../http/errors';
import type { Faults } from '../faults';
import { KMS_TASK_TYPE } from './runtime';
import type { ClusterRt, KeyRt, TaskRt } from './runtime';
import type { World } from './world';

/** Reasons a key cannot protect a cluster's Secrets (doc: UpdateKMSEncryption; source doc). */
export function keyProblem(
  world: World,
  accountId: string,
  regionId: string,
  keyId: string,
): string | undefined {
  // The cluster takes the key's id only: an alias or an ARN is not looked up (GUESS for the ARN;
  // for an alias the cloud answers "InvalidParameter: The KMS key alias/… does not exist").
  const k = keyIdOnly(world, accountId, keyId);
  if (!k) return `The KMS key ${keyId} does not exist.`;
  if (k.regionId !== regionId)
    return `The KMS key ${keyId} is in ${k.regionId}; the cluster is in ${regionId}. The key must be in the cluster's region.`;
  if (k.creatorType === 'Service')
    return `The KMS key ${keyId} is a service key; use a customer master key.`;
  if (k.spec !== 'Aliyun_AES_256')
    return `The KMS key ${keyId} has KeySpec ${k.spec}; only Aliyun_AES_256 is supported.`;
  if (k.usage !== 'ENCRYPT/DECRYPT')
    return `The KMS key ${keyId} has KeyUsage ${k.usage}; ENCRYPT/DECRYPT is required.`;
  if (k.state !== 'Enabled') return `The KMS key ${keyId} is ${k.state}; it must be Enabled.`;
  // GUESS: the source doc says rotation must not be on; whether the API refuses it is unknown.
  if (k.rotation === 'Enabled')
    return `The KMS key ${keyId} has automatic rotation enabled, which is not supported.`;
  return undefined;
}

/** A key by its id within an account (no alias, no ARN). */
export function keyIdOnly(world: World, accountId: string, keyId: string): KeyRt | undefined {
  const k = world.keys.get(keyId);
  return k && k.accountId === accountId ? k : undefined;
}

export function invalid(msg: string): ApiError {
  return new ApiError(400, 'InvalidParameter', msg);
}

export const SERVICE_ROLE_ERROR = () =>
  new ApiError(
    403, // GUESS: status undocumented (docs/alibaba-cloud-api.md §4.3)
    'ErrManagedSecurityRoleNotAttach',
    'please complete the security ramrole authorization at https://ram.console.aliyun.com/role/authorize?request=%7B%22Services%22%3A%5B%7B%22Service%22%3A%22CS%22%2C%22Roles%22%3A%5B%7B%22RoleName%22%3A%22AliyunCSManagedSecurityRole%22%2C%22TemplateId%22%3A%22AliyunCSManagedSecurityRole%22%7D%5D%7D%5D%7D',
  );

export function newTask(
  world: World,
  c: ClusterRt,
  type: string,
  now: number,
  parameters: Record<string, unknown>,
): TaskRt {
  const t: TaskRt = {
    id: world.newTaskId(),
    clusterId: c.id,
    accountId: c.accountId,
    type,
    state: 'running',
    created: now,
    updated: now,
    stage: 'Pending',
    parameters,
  };
  world.tasks.set(t.id, t);
  c.taskIds.push(t.id);
  return t;
}

function keyFailure(k: KeyRt | undefined): { code: string; message: string } | undefined {
  if (!k) return { code: 'Forbidden.KeyNotFound', message: 'The KMS key no longer exists.' };
  if (k.state === 'Enabled') return undefined;
  const code = k.state === 'PendingDeletion' ? 'Rejected.PendingDeletion' : 'Rejected.Disabled';
  return {
    code,
    message: `KMS ${code}: the key ${k.id} is ${k.state}; the API server cannot decrypt Secrets.`,
  };
}

/** Starts an accepted change. `target` undefined = disable. */
export function startKmsChange(
  world: World,
  faults: Faults,
  c: ClusterRt,
  target: string | undefined,
  now: number,
): TaskRt {
  const t = world.timing;
  const task = newTask(
    world,
    c,
    KMS_TASK_TYPE,
    now,
    target ? { kms_key_id: target, disable_encryption: false } : { disable_encryption: true },
  );
  const forcedFailure = faults.takeFailUpdate(c.id);
  const previousKey = c.encryption && !c.encryption.disabled ? c.encryption.keyId : undefined;
  c.changeInFlight = true;
  c.updated = now;
  const duration = t.kmsUpdateSeconds * 1000;
  const lag = Math.min(t.stateLagSeconds * 1000, duration);
  world.at(now + lag, (at) => {
    c.state = 'updating';
    c.updated = at;
    task.stage = 'UpdateKMSEncryption';
    task.updated = at;
  });
  world.at(now + duration, (at) => {
    // Both the old key (to decrypt) and the new one (to encrypt) must work for the whole change:
    // the docs warn against disabling either while encryption is switched.
    const failure = forcedFailure
      ? {
          code: forcedFailure.code ?? 'KMSEncryptionUpdateFailed',
          message: 'Simulated failure (fault failUpdate).',
        }
      : ((previousKey ? keyFailure(world.keys.get(previousKey)) : undefined) ??
        (target ? keyFailure(world.keys.get(target)) : undefined));
    c.changeInFlight = false;
    c.updated = at;
    task.updated = at;
    task.stage = 'Finished';
    if (failure) {
      // GUESS (docs/alibaba-cloud-api.md §4.1): which state ACK shows after a failed change is
      // undocumented; the DescribeClusterDetail schema lists `updating_failed` ("failed to be
      // updated"), while `failed` means "failed to be created".
      c.state = 'updating_failed';
      task.state = 'failed';
      task.error = failure;
      return;
    }
    c.state = 'running';
    task.state = 'success';
    const open = c.intervals.find((iv) => iv.to === undefined);
    if (open) open.to = at;
    if (target) {
      c.encryption = { keyId: target, disabled: false };
      c.intervals.push({ keyId: target, from: at });
    } else if (c.encryption) {
      c.encryption = { keyId: '', disabled: true }; // GUESS: the key id is cleared when disabled
    }
    c.lastKmsChangeEnd = at;
  });
  return task;
}
