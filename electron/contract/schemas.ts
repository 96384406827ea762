// Runtime schemas for every call's input. The transports validate with these before the
// core sees anything, so a malformed payload never reaches behaviour.
import { SETTINGS_BOUNDS } from './types/settings';
import { AUDIT_ACTIONS, AUDIT_RESULTS } from './types/audit';
import { z } from 'zod';
import type { CallName } from './channels';
import { ACCOUNT_COLOURS } from './types/accounts';
import type { AccountKind } from './types/accounts';
import { KEY_REF_FORMS, parseKeyRef } from './key-ref';
import { aliasProblem } from './key-choice';
import { REGION_ID_MAX_LENGTH, REGION_ID_PATTERN } from './region-id';
import { SNAPSHOT_PAGES } from './snapshot-pages';
import { clusterSpecInputSchema } from './provision-spec';

/** Inputs are plain objects; a call with nothing to say takes `{}` (or nothing). */
const noInput = z
  .strictObject({})
  .optional()
  .transform(() => ({}));

// Accounts. Shapes and sizes only: the core checks meaning (AccessKey shapes, ARNs, expiry,
// unique names) and says which field is wrong. Secret fields (accessKeySecret, securityToken, a
// password inside `network.proxy`) exist only here, on the way in.
const accountId = z.string().min(1).max(64);
const accountNetwork = z.strictObject({
  endpoint: z.string().max(512).nullable().optional(),
  /** May carry user:password; the password goes to the keychain, never to the metadata file. */
  proxy: z.string().max(2048).nullable().optional(),
  caBundlePath: z.string().max(4096).nullable().optional(),
});
const accountCommon = {
  name: z.string().max(200),
  colour: z.enum(ACCOUNT_COLOURS).optional(),
  /** null or absent = every region where ACK Edge is offered. */
  regions: z.array(z.string().max(64)).max(100).nullable().optional(),
  network: accountNetwork.optional(),
};
const accessKeyIdField = z.string().max(128);
const accessKeySecretField = z.string().max(256);
const securityTokenField = z.string().max(16_384);
const roleFields = {
  sourceAccountId: accountId,
  roleArn: z.string().max(512),
  sessionName: z.string().max(64).optional(),
  durationSeconds: z.number().int().optional(),
  externalId: z.string().max(1300).nullable().optional(),
};

export const accountAddSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('access-key'),
    ...accountCommon,
    accessKeyId: accessKeyIdField,
    accessKeySecret: accessKeySecretField,
  }),
  z.strictObject({
    kind: z.literal('sts-token'),
    ...accountCommon,
    accessKeyId: accessKeyIdField,
    accessKeySecret: accessKeySecretField,
    securityToken: securityTokenField,
    /** ISO 8601 */
    expiration: z.string().max(64),
  }),
  z.strictObject({ kind: z.literal('ram-role'), ...accountCommon, ...roleFields }),
]);

/**
 * A field that belongs to another kind (a roleArn for an AccessKey account, say) is refused
 * here, by name, with what to do instead.
 */
const onlyFieldsOf = (kind: AccountKind) => ({
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys' && issue.keys
      ? `${issue.keys.join(', ')} ${issue.keys.length === 1 ? 'does' : 'do'} not apply to ${kind === 'ram-role' ? 'a' : 'an'} ${kind} account (the kind of an account cannot change; add a new one)`
      : undefined,
});
const accountUpdateCommon = {
  id: accountId,
  name: accountCommon.name.optional(),
  colour: accountCommon.colour,
  regions: accountCommon.regions,
  network: accountCommon.network,
};

/**
 * One shape per kind; `kind` names the kind the account has (it never changes). Absent
 * fields stay as they are.
 */
export const accountUpdateSchema = z.discriminatedUnion('kind', [
  z.strictObject(
    {
      kind: z.literal('access-key'),
      ...accountUpdateCommon,
      accessKeyId: accessKeyIdField.optional(),
      accessKeySecret: accessKeySecretField.optional(),
    },
    onlyFieldsOf('access-key'),
  ),
  z.strictObject(
    {
      kind: z.literal('sts-token'),
      ...accountUpdateCommon,
      /** A new token comes with its own AccessKey id, secret and expiry: all four together. */
      accessKeyId: accessKeyIdField.optional(),
      accessKeySecret: accessKeySecretField.optional(),
      securityToken: securityTokenField.optional(),
      expiration: z.string().max(64).optional(),
    },
    onlyFieldsOf('sts-token'),
  ),
  z.strictObject(
    {
      kind: z.literal('ram-role'),
      ...accountUpdateCommon,
      sourceAccountId: roleFields.sourceAccountId.optional(),
      roleArn: roleFields.roleArn.optional(),
      sessionName: roleFields.sessionName,
      durationSeconds: roleFields.durationSeconds,
      externalId: roleFields.externalId,
    },
    onlyFieldsOf('ram-role'),
  ),
]);

const byId = z.strictObject({ id: accountId });

const boundedInt = (b: { min: number; max: number }) => z.number().int().min(b.min).max(b.max);

/** Region ids as the cloud writes them (the one rule: region-id.ts). */
const regionId = z
  .string()
  .max(REGION_ID_MAX_LENGTH)
  .regex(REGION_ID_PATTERN, 'not a region id like cn-hangzhou');
const clusterId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'not a cluster id');
/** A key as KMS names it: an id (key-… or a UUID), an alias (alias/…) or a key ARN. */
const keyId = z
  .string()
  .max(400)
  .refine(
    (v) => parseKeyRef(v) !== null,
    `not a KMS key id, alias or key ARN; use ${KEY_REF_FORMS}`,
  );
/** Absent = ~/.aliyun/config.json. */
const cliConfigPath = z.string().min(1).max(4096).optional();

/** A batch id as the core makes them (also a file name: no dots, no slashes). */
const batchId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'not a batch id');
const byBatch = z.strictObject({ batchId });

/** A batch plan whose clusters are given as `clusterRef` says (ids for the core). */
const batchPlan = (clusterRef: z.ZodType<string>) =>
  z
    .strictObject({
      action: z.enum(['enable', 'disable']),
      keyId: keyId.optional(),
      /** The key of each (account, region); one entry per pair. */
      keys: z.array(z.strictObject({ accountId, regionId, keyId })).min(1).max(1000).optional(),
      keyChoice: z.literal('recommended').optional(),
      scope: z
        .strictObject({
          accountIds: z.array(accountId).min(1).max(500).optional(),
          regionIds: z.array(regionId).min(1).max(100).optional(),
          clusterIds: z.array(clusterRef).min(1).max(1000).optional(),
          onlyNotEncrypted: z.boolean().optional(),
        })
        .optional()
        .transform((v) => v ?? {}),
    })
    .refine(
      (v) =>
        v.action === 'disable' ||
        v.keyId !== undefined ||
        v.keys !== undefined ||
        v.keyChoice !== undefined,
      {
        message:
          'enable needs a keyId (every account and region), keys [{accountId, regionId, keyId}] (one per account and region) or keyChoice "recommended"',
        path: ['keyId'],
      },
    )
    .refine(
      (v) =>
        v.action === 'enable' ||
        (v.keyId === undefined && v.keys === undefined && v.keyChoice === undefined),
      {
        message:
          'disable takes no keyId, keys or keyChoice (each cluster keeps its own key until it is off)',
        path: ['keyId'],
      },
    )
    .refine(
      (v) =>
        !v.keys ||
        new Set(v.keys.map((k) => `${k.accountId}|${k.regionId}`)).size === v.keys.length,
      {
        message: 'keys names one (accountId, regionId) twice; give each pair one key',
        path: ['keys'],
      },
    )
    .refine((v) => v.action === 'enable' || v.scope.onlyNotEncrypted === undefined, {
      message: 'onlyNotEncrypted applies to enable only',
      path: ['scope', 'onlyNotEncrypted'],
    });

/** A batch plan request. */
export const batchPlanSchema = batchPlan(clusterId);

/**
 * The CLI's PLAN.json: the same, but `scope.clusterIds` may name clusters by name too (ACK
 * allows up to 63 characters; the CLI resolves each to its id before planning).
 */
export const planFileSchema = batchPlan(z.string().trim().min(1, 'a cluster id or name').max(128));

/** CreateAlias's rules plus ours (contract/key-choice.ts aliasProblem). */
const newAlias = z.string().superRefine((v, ctx) => {
  const problem = aliasProblem(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const inputSchemas = {
  'app.info': noInput,
  'accounts.list': noInput,
  'accounts.add': accountAddSchema,
  'accounts.update': accountUpdateSchema,
  'accounts.remove': byId,
  'accounts.test': byId,
  'accounts.importCli.preview': z
    .strictObject({ path: cliConfigPath })
    .optional()
    .transform((v) => v ?? {}),
  'accounts.importCli.apply': z.strictObject({
    path: cliConfigPath,
    /** Network settings for every imported account (a corporate proxy, a private endpoint). */
    network: accountNetwork.optional(),
    selections: z
      .array(
        z.strictObject({
          profile: z.string().min(1).max(200),
          /** Account name; default: the suggested name from the preview. */
          name: z.string().max(200).optional(),
        }),
      )
      .min(1)
      .max(200),
  }),
  'fleet.snapshot': noInput,
  'fleet.snapshotPage': z.strictObject({
    /** The generation a first page answered; absent = the current snapshot. */
    generation: z.number().int().min(1).optional(),
    offset: z.number().int().min(0).max(10_000_000),
    limit: z.number().int().min(1).max(SNAPSHOT_PAGES.max),
  }),
  'fleet.refresh': z
    .strictObject({
      accountIds: z.array(accountId).max(500).optional(),
      regionIds: z.array(regionId).max(100).optional(),
      includeAckPro: z.boolean().optional(),
    })
    .optional()
    .transform((v) => v ?? {}),
  'fleet.cluster': z.strictObject({
    clusterId,
    /** Look only in this account; absent = the snapshot, then every saved account. */
    accountId: accountId.optional(),
  }),
  'fleet.actThrough': z.strictObject({ clusterId, accountId }),
  'keys.list': z.strictObject({ accountId, regionId }),
  'keys.health': z
    .strictObject({
      /** Sweep only the keys these accounts' clusters use (the report keeps the others). */
      accountIds: z.array(accountId).max(500).optional(),
      /** The last report, without asking the cloud. */
      cached: z.boolean().optional(),
    })
    .optional()
    .transform((v) => v ?? {}),
  'keys.fix': z.strictObject({
    accountId,
    regionId,
    keyId,
    action: z.enum(['enable-key', 'cancel-key-deletion', 'enable-deletion-protection']),
    /** Read the key and return the request it would get; nothing is sent or audited. */
    dryRun: z.boolean().optional(),
  }),
  'keys.create': z.strictObject({
    accountId,
    regionId,
    /** Default alias/ack-secret-guard-<region>. */
    alias: newAlias.optional(),
    /** A KMS instance (kst-…) to create the key in; absent = the region's default (shared) KMS. */
    dkmsInstanceId: z
      .string()
      .regex(/^kst-[A-Za-z0-9]{1,64}$/, 'not a KMS instance id like kst-hzz…')
      .optional(),
    /** The alias again, as the user confirmed it: the create is refused unless it matches. */
    confirmAlias: z.string().max(255),
  }),
  'checks.run': z
    .strictObject({
      clusterId,
      action: z.enum(['enable', 'disable']),
      keyId: keyId.optional(),
      /** May be left out when the cluster is in the last fleet snapshot. */
      accountId: accountId.optional(),
    })
    .refine((v) => v.action === 'disable' || v.keyId !== undefined, {
      message: 'enable needs a keyId',
      path: ['keyId'],
    }),
  'demo.start': noInput,
  'demo.stop': noInput,
  'encryption.enable': z.strictObject({ clusterId, keyId, accountId: accountId.optional() }),
  'encryption.disable': z.strictObject({ clusterId, accountId: accountId.optional() }),
  'operations.list': z
    .strictObject({ clusterId: clusterId.optional(), activeOnly: z.boolean().optional() })
    .optional()
    .transform((v) => v ?? {}),
  'fixes.authorizeServiceRole': z.strictObject({ accountId }),
  'fixes.enableDeletionProtection': z.strictObject({ accountId, regionId, keyId }),
  'verify.run': z.strictObject({ clusterId, accountId: accountId.optional() }),
  'audit.list': z
    .strictObject({
      accountId: accountId.optional(),
      clusterId: clusterId.optional(),
      action: z.enum(AUDIT_ACTIONS).optional(),
      result: z.enum(AUDIT_RESULTS).optional(),
      since: z.iso.datetime().optional(),
      until: z.iso.datetime().optional(),
      limit: z.number().int().min(1).max(10_000).optional(),
    })
    .optional()
    .transform((v) => v ?? {}),
  'batch.plan': batchPlanSchema,
  'batch.apply': z.strictObject({
    batchId,
    /** Changes at once across the whole batch: default 3, or what the batch was applied with. */
    concurrency: z.number().int().min(1).max(10).optional(),
  }),
  'batch.pause': byBatch,
  'batch.cancel': byBatch,
  'batch.get': byBatch,
  'batch.list': noInput,
  'network.vpcs': z.strictObject({ accountId, regionId }),
  'network.vswitches': z.strictObject({
    accountId,
    regionId,
    vpcId: z.string().regex(/^vpc-[A-Za-z0-9]{1,64}$/, 'not a VPC id'),
  }),
  'clusters.versions': z.strictObject({ accountId, regionId }),
  'clusters.createDefaults': z.strictObject({
    accountId,
    regionId,
    vpcId: z.string().regex(/^vpc-[A-Za-z0-9]{1,64}$/, 'not a VPC id'),
  }),
  'clusters.createPreflight': z.strictObject({ spec: clusterSpecInputSchema }),
  'clusters.create': z.strictObject({
    spec: clusterSpecInputSchema,
    /** The cluster name typed again by the user: the create is refused unless it matches. */
    confirmName: z.string().max(200),
  }),
  'creations.list': z
    .strictObject({ activeOnly: z.boolean().optional() })
    .optional()
    .transform((v) => v ?? {}),
  'creations.verify': z.strictObject({ creationId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/) }),
  'settings.get': noInput,
  'settings.update': z.strictObject({
    cloud: z
      .strictObject({
        concurrency: boundedInt(SETTINGS_BOUNDS.concurrency).optional(),
        concurrencyPerAccount: boundedInt(SETTINGS_BOUNDS.concurrencyPerAccount).optional(),
      })
      .optional(),
    changes: z
      .strictObject({ timeLimitMinutes: boundedInt(SETTINGS_BOUNDS.timeLimitMinutes).optional() })
      .optional(),
  }),
} satisfies { [N in CallName]: z.ZodType };
