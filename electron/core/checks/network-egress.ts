// network.kmsEgress: can the control plane's KMS plugin reach kms-vpc.<region>.aliyuncs.com,
// somewhere in 100.64.0.0/10? Decided from the cluster's security group (egress rules and type)
// and the network ACLs of its vSwitches, following docs/alibaba-cloud-api.md §9.5. If this is
// wrong, turning encryption on can make the API server unavailable, so the check says `warn`
// whenever the rules leave the answer open, and only a definite block is `fail`.
//
// Probes: TCP 443 to 100.64.0.0/10 (the KMS API) decides pass/fail. UDP 53 to the VPC DNS
// servers can only warn: that the managed plugin resolves through them is an inference, and
// network ACLs always allow those servers anyway.
//
// Three steps, each in egress/: fetch (through the CheckContext, shared across a batch plan),
// evaluate (layers.ts over the security-group and network-ACL evaluators), verdict.
import type { CheckResult } from '../../contract/types/checks';
import { egressEvidence } from './egress/evidence';
import { fetchEgressFacts } from './egress/fetch';
import type { EgressClusterInput, EgressReads } from './egress/fetch';
import { evaluateLayers } from './egress/layers';
import { egressVerdict } from './egress/verdict';

export type { EgressClusterInput, EgressReads } from './egress/fetch';

export async function checkKmsEgress(
  reads: EgressReads,
  cluster: EgressClusterInput,
): Promise<CheckResult> {
  const facts = await fetchEgressFacts(reads, cluster);
  const { layers, failures } = evaluateLayers(facts);
  return egressVerdict(facts, layers, failures, egressEvidence(facts, layers, failures));
}
