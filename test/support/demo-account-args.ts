// The `accounts add` command line for one of the demo fixture's AccessKeys, with its secret on
// standard input (the CLI never takes a secret as an argument): what the CLI tests type to get
// an account before the part they are about.
import { demoCredentials } from '../../simulator';

export interface AddAccountInput {
  name: string;
  accessKeyId: string;
  /** An endpoint override (the simulator's URL); absent when ACK_SG_ENDPOINT says it. */
  endpoint?: string;
  regions?: string[];
}

export function addDemoAccessKey(input: AddAccountInput): { argv: string[]; stdin: string } {
  const known = demoCredentials().find((c) => c.accessKeyId === input.accessKeyId);
  if (!known) throw new Error(`${input.accessKeyId} is not an AccessKey of the demo fixture`);
  return {
    argv: [
      'accounts',
      'add',
      '--name',
      input.name,
      '--type',
      'access-key',
      '--access-key-id',
      input.accessKeyId,
      '--secret-stdin',
      ...(input.endpoint ? ['--endpoint', input.endpoint] : []),
      ...(input.regions ? ['--regions', input.regions.join(',')] : []),
    ],
    stdin: `${known.accessKeySecret}\n`,
  };
}
