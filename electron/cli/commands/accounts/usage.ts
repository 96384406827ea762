// The usage text of `ack-secret-guard accounts`.
import { ACCOUNT_COLOURS } from '../../../contract';

export const ACCOUNTS_USAGE = `Usage:
  ack-secret-guard accounts list
  ack-secret-guard accounts test NAME
  ack-secret-guard accounts remove NAME
  ack-secret-guard accounts add --name NAME --type access-key --access-key-id ID --secret-stdin
        [--regions r1,r2,...] [--endpoint URL] [--proxy URL [--proxy-password-stdin]]
        [--ca-bundle PATH] [--colour COLOUR]
  ack-secret-guard accounts add --name NAME --type sts-token --access-key-id ID
        --expiration ISO8601 --secret-stdin          (stdin: secret, then security token)
  ack-secret-guard accounts add --name NAME --type ram-role --source-account NAME --role-arn ARN
        [--session-name S] [--duration SECONDS] [--external-id X] [--regions ...]
  ack-secret-guard accounts import-aliyun-cli [--config FILE] [--profile P ...] [--apply]
        [--endpoint URL]                             (endpoint for every imported account)

Secrets come from standard input, one per line, never from arguments. A proxy password too:
give the proxy URL without it and add --proxy-password-stdin (its line comes last).
Without --regions an account covers every region where ACK Edge is offered.
Colours: ${ACCOUNT_COLOURS.join(', ')}.`;
