import type { AppSettings } from './types/settings';
import type { Exact } from './exact';
import type { z } from 'zod';
import type { CallName } from './channels';
import type {
  AccountList,
  AccountRemoved,
  AccountReply,
  AccountTestResult,
  CliImportApplied,
  CliImportPreview,
} from './types/accounts';
import type { AppInfo } from './types/app';
import type { Checklist } from './types/checks';
import type { DemoStatus } from './types/demo';
import type {
  ClusterSummary,
  FleetRefreshed,
  FleetSnapshot,
  FleetSnapshotPage,
} from './types/fleet';
import type { KeyCreated, KeyList } from './types/keys';
import type { KeyFixResult, KeyHealthReport } from './types/key-guard';
import type { FixResult, OperationList, OperationView } from './types/operations';
import type { AuditListResult } from './types/audit';
import type { VerifyReport } from './types/verify';
import type { BatchList, BatchPlan, BatchView } from './types/batch';
import type { inputSchemas } from './schemas';
import type {
  ClusterDefaults,
  CreatePreflight,
  CreationList,
  CreationView,
  KubernetesVersionOption,
  VSwitchOption,
  VpcSummary,
} from './types/provision';

/** What each call answers with (inside the envelope). */
export interface CallOutputs {
  'app.info': AppInfo;
  'accounts.list': AccountList;
  'accounts.add': AccountReply;
  'accounts.update': AccountReply;
  'accounts.remove': AccountRemoved;
  'accounts.test': AccountTestResult;
  'accounts.importCli.preview': CliImportPreview;
  'accounts.importCli.apply': CliImportApplied;
  /** The last snapshot (stale when read from disk), or null before the first refresh. */
  'fleet.snapshot': FleetSnapshot | null;
  /** The snapshot in pages, each cut from the snapshot its generation names (the window). */
  'fleet.snapshotPage': FleetSnapshotPage;
  /** The new snapshot's generation and counts (read it with fleet.snapshotPage / fleet.snapshot). */
  'fleet.refresh': FleetRefreshed;
  /**
   * One cluster by id: from the snapshot, else asked of the cloud (any edition, so a Basic
   * cluster reads as such). An id no account has is a cloud error (ErrorClusterNotFound).
   */
  'fleet.cluster': ClusterSummary;
  /**
   * For a cluster several saved accounts list: the one to act through from now on (remembered);
   * answers the row acting through it. An account that does not list it is refused.
   */
  'fleet.actThrough': ClusterSummary;
  'keys.list': KeyList;
  /**
   * The key guard's sweep: every key the fleet's encrypted clusters use, what is wrong with it,
   * the clusters affected and who did it. `cached` answers the last sweep without cloud calls.
   */
  'keys.health': KeyHealthReport;
  /** Enables a key, cancels its deletion or turns deletion protection on (audited, idempotent). */
  'keys.fix': KeyFixResult;
  /**
   * Creates a key ACK can use in one account and region (Aliyun_AES_256, ENCRYPT/DECRYPT,
   * deletion protection on, an alias); audited, never sent twice (docs/alibaba-cloud-api.md §5.8).
   */
  'keys.create': KeyCreated;
  'checks.run': Checklist;
  /** Starts the simulated cloud and adds the demo accounts (idempotent). */
  'demo.start': DemoStatus;
  /** Removes the demo accounts and their keychain items, and stops the simulated cloud. */
  'demo.stop': DemoStatus;
  /** Resolves once the cloud accepted the request; progress follows as operation.progress. */
  'encryption.enable': OperationView;
  'encryption.disable': OperationView;
  'operations.list': OperationList;
  'fixes.authorizeServiceRole': FixResult;
  'fixes.enableDeletionProtection': FixResult;
  /** ActionTrail proof of the cluster's latest change, with a receipt to save. */
  'verify.run': VerifyReport;
  'audit.list': AuditListResult;
  'settings.get': AppSettings;
  /** Applies at once: cloud limits to calls already waiting, the time limit to changes followed next. */
  'settings.update': AppSettings;
  /** Runs every cluster's checklist and saves the plan (ready or skipped, and why). */
  'batch.plan': BatchPlan;
  /** Starts (or resumes after a pause) applying a plan; progress follows as batch.progress. */
  'batch.apply': BatchView;
  /** No new cluster starts; changes under way go on. */
  'batch.pause': BatchView;
  /** Clusters not started become cancelled; changes under way go on. */
  'batch.cancel': BatchView;
  'batch.get': BatchView;
  'batch.list': BatchList;
  /** The VPCs of an account's region (for a new cluster). */
  'network.vpcs': { vpcs: VpcSummary[] };
  /** The vSwitches of a VPC, with their free addresses. */
  'network.vswitches': { vswitches: VSwitchOption[] };
  /** Kubernetes versions the cloud offers for new ACK Edge clusters in a region. */
  'clusters.versions': { versions: KubernetesVersionOption[] };
  /** Pod and Service CIDRs that do not collide with the VPC (the window's and the CLI's defaults). */
  'clusters.createDefaults': ClusterDefaults;
  /** Checks a new cluster's spec and shows the exact request; sends nothing. */
  'clusters.createPreflight': CreatePreflight;
  /** Creates it (refused unless the preflight is ready); progress follows as creation.progress. */
  'clusters.create': CreationView;
  'creations.list': CreationList;
  /** Looks again for the ActionTrail proof of a creation. */
  'creations.verify': CreationView;
}

// Compile-time guard: every call name has exactly one output type.
const _everyCallHasAnOutput: Exact<keyof CallOutputs, CallName> = true;
void _everyCallHasAnOutput;

/** What the caller passes (before validation). */
export type CallInput<N extends CallName> = z.input<(typeof inputSchemas)[N]>;
/** What the core receives (after validation and defaults). */
export type ValidatedInput<N extends CallName> = z.output<(typeof inputSchemas)[N]>;
export type CallOutput<N extends CallName> = CallOutputs[N];

/** The core implements the contract as a plain object of async functions. */
export type CoreApi = {
  [N in CallName]: (input: ValidatedInput<N>) => Promise<CallOutput<N>>;
};
