// The provision slice of the contract: new ACK Edge Pro clusters with Secret encryption.
import type { CoreApi } from '../../contract';
import type { CoreContext } from '../context';
import { ProvisionService } from './service';
import type { ProvisionDeps } from './service';

type ProvisionApi = Pick<
  CoreApi,
  | 'network.vpcs'
  | 'network.vswitches'
  | 'clusters.versions'
  | 'clusters.createDefaults'
  | 'clusters.createPreflight'
  | 'clusters.create'
  | 'creations.list'
  | 'creations.verify'
>;

export function createProvisionApi(
  ctx: CoreContext,
  deps: ProvisionDeps,
): { api: ProvisionApi; service: ProvisionService } {
  const service = new ProvisionService(ctx, deps);
  ctx.onDispose(() => service.dispose());
  const api: ProvisionApi = {
    'network.vpcs': ({ accountId, regionId }) => service.vpcs(accountId, regionId),
    'network.vswitches': ({ accountId, regionId, vpcId }) =>
      service.vswitches(accountId, regionId, vpcId),
    'clusters.versions': ({ accountId, regionId }) => service.versions(accountId, regionId),
    'clusters.createDefaults': ({ accountId, regionId, vpcId }) =>
      service.defaults(accountId, regionId, vpcId),
    'clusters.createPreflight': ({ spec }) => service.preflight(spec),
    'clusters.create': ({ spec, confirmName }) => service.create(spec, confirmName),
    'creations.list': (filter) => service.list(filter),
    'creations.verify': ({ creationId }) => service.verify(creationId),
  };
  return { api, service };
}
