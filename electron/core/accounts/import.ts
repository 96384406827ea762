// Importing aliyun CLI profiles (~/.aliyun/config.json) as accounts: the preview says what each
// profile would become, the apply adds them through the ordinary add (so every imported account
// passes the same checks and live identity check as a typed one). Reading and planning a
// profile is aliyun-cli.ts; this file decides against the saved accounts.
import type {
  Account,
  AccountsChangeReason,
  CliImportApplied,
  CliImportPreview,
  CliImportResult,
  ValidatedInput,
} from '../../contract';
import { GuardError, message } from '../../contract';
import { defaultAliyunConfigPath, planProfile, readAliyunConfig } from './aliyun-cli';
import type { AliyunProfile } from './aliyun-cli';
import type { StoredAccount } from './types';
import type { NetworkInput } from './validation';

/** What the import needs of the accounts service. */
export interface CliImportHost {
  now(): number;
  accounts(): Promise<StoredAccount[]>;
  add(input: ValidatedInput<'accounts.add'>): Promise<Account>;
  remove(accountId: string): Promise<unknown>;
  changed(reason: AccountsChangeReason, accountIds: string[]): void;
  /** Where the aliyun CLI config is when a request names none. */
  defaultPath?: string | undefined;
}

export class CliImport {
  constructor(private readonly host: CliImportHost) {}

  private path(path: string | undefined): string {
    return path ?? this.host.defaultPath ?? defaultAliyunConfigPath();
  }

  async preview(path?: string): Promise<CliImportPreview> {
    const file = this.path(path);
    const config = await readAliyunConfig(file);
    const accounts = await this.host.accounts();
    const taken = new Set(accounts.map((a) => a.name.toLowerCase()));
    const now = this.host.now();
    return {
      path: file,
      profiles: config.profiles.map((profile) => {
        const plan = planProfile(profile, profile.name === config.current, now);
        const already = alreadyImported(profile, accounts);
        const source = plan.kind === 'ram-role' ? sourceFor(profile, accounts) : undefined;
        const suggestedName = freeName(profile.name, taken);
        taken.add(suggestedName.toLowerCase());
        return {
          profile: profile.name,
          mode: profile.mode,
          current: plan.current,
          importable: plan.reason === null && already === null,
          reason: plan.reason ?? (already ? `already saved as "${already.name}"` : null),
          kind: plan.kind,
          suggestedName,
          accessKeyId: profile.access_key_id ?? null,
          roleArn: profile.ram_role_arn ?? null,
          expiration: plan.expiration,
          regionId: profile.region_id ?? null,
          existingSourceAccountId: source?.id ?? null,
          alreadyImportedAs: already?.id ?? null,
        };
      }),
    };
  }

  async apply(input: ValidatedInput<'accounts.importCli.apply'>): Promise<CliImportApplied> {
    const file = this.path(input.path);
    const config = await readAliyunConfig(file);
    const results: CliImportResult[] = [];
    for (const selection of input.selections) {
      try {
        const added = await this.importProfile(
          config.profiles,
          selection,
          config.current,
          input.network,
        );
        results.push({ profile: selection.profile, ok: true, accounts: added });
      } catch (error) {
        if (!(error instanceof GuardError)) throw error;
        results.push({ profile: selection.profile, ok: false, error: error.toContract() });
      }
    }
    const imported = results.flatMap((r) => (r.ok ? r.accounts.map((a) => a.id) : []));
    if (imported.length > 0) this.host.changed('imported', imported);
    return { path: file, results };
  }

  private async importProfile(
    profiles: AliyunProfile[],
    selection: { profile: string; name?: string | undefined },
    current: string | null,
    network: NetworkInput,
  ): Promise<Account[]> {
    const profile = profiles.find((p) => p.name === selection.profile);
    if (!profile)
      throw new GuardError(
        'not-found',
        message('error.import.noProfile', { profile: selection.profile }),
      );
    const plan = planProfile(profile, profile.name === current, this.host.now());
    if (plan.reason !== null)
      throw new GuardError(
        'validation',
        `Profile "${profile.name}" cannot be imported: ${plan.reason}.`,
      );
    const accounts = await this.host.accounts();
    const already = alreadyImported(profile, accounts);
    if (already)
      throw new GuardError(
        'conflict',
        message('error.import.alreadySaved', { profile: profile.name, name: already.name }),
      );
    const taken = new Set(accounts.map((a) => a.name.toLowerCase()));
    const name = selection.name ?? freeName(profile.name, taken);
    switch (profile.mode) {
      case 'AK':
        return [
          await this.host.add({
            kind: 'access-key',
            name,
            accessKeyId: profile.access_key_id!,
            accessKeySecret: profile.access_key_secret!,
            network,
          }),
        ];
      case 'StsToken':
        return [
          await this.host.add({
            kind: 'sts-token',
            name,
            accessKeyId: profile.access_key_id!,
            accessKeySecret: profile.access_key_secret!,
            securityToken: profile.sts_token!,
            expiration: plan.expiration!,
            network,
          }),
        ];
      default: {
        // RamRoleArn: the profile's AccessKey is the source. Reuse a saved account with the
        // same key, or save it as its own account first (removed again if the role fails).
        const added: Account[] = [];
        let sourceId = sourceFor(profile, accounts)?.id;
        if (!sourceId) {
          const created = await this.host.add({
            kind: 'access-key',
            name: freeName(`${name}-source`, taken),
            accessKeyId: profile.access_key_id!,
            accessKeySecret: profile.access_key_secret!,
            network,
          });
          added.push(created);
          sourceId = created.id;
        }
        try {
          added.push(
            await this.host.add({
              kind: 'ram-role',
              name,
              sourceAccountId: sourceId,
              roleArn: profile.ram_role_arn!,
              sessionName: profile.ram_session_name,
              durationSeconds: profile.expired_seconds || undefined,
              externalId: profile.external_id ?? null,
              network,
            }),
          );
        } catch (error) {
          for (const a of added) await this.host.remove(a.id).catch(() => undefined);
          throw error;
        }
        return added;
      }
    }
  }
}

/** The saved account this profile already is, if any. */
function alreadyImported(p: AliyunProfile, accounts: StoredAccount[]): StoredAccount | null {
  switch (p.mode) {
    case 'AK':
      return (
        accounts.find((a) => a.kind === 'access-key' && a.accessKeyId === p.access_key_id) ?? null
      );
    case 'StsToken':
      return (
        accounts.find((a) => a.kind === 'sts-token' && a.accessKeyId === p.access_key_id) ?? null
      );
    case 'RamRoleArn':
      return (
        accounts.find(
          (a) =>
            a.kind === 'ram-role' &&
            a.roleArn.toLowerCase() === (p.ram_role_arn ?? '').toLowerCase() &&
            sourceFor(p, accounts)?.id === a.sourceAccountId,
        ) ?? null
      );
    default:
      return null;
  }
}

/** A saved AccessKey account with the profile's key: the source of its role. */
function sourceFor(p: AliyunProfile, accounts: StoredAccount[]): StoredAccount | undefined {
  return accounts.find((a) => a.kind === 'access-key' && a.accessKeyId === p.access_key_id);
}

/** The name itself if free, else "name (2)", "name (3)"... */
function freeName(name: string, taken: Set<string>): string {
  const clean = name.trim().slice(0, 56) || 'aliyun';
  if (!taken.has(clean.toLowerCase())) return clean;
  for (let i = 2; ; i += 1) {
    const candidate = `${clean} (${i})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
