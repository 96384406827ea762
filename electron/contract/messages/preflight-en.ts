// The English words of the create preflight (a new cluster's checks): summaries, fixes and
// evidence labels, spread into en.ts like the checklist's own.
export const preflightEn = {
  'preflight.name.taken': 'A cluster named {name} already exists in {region} ({clusterId}).',
  'preflight.name.free': 'No cluster in {region} is named {name}.',
  'fix.preflight.name.other': 'Choose another name: cluster names are unique in an account.',
  'preflight.version.default': 'No version chosen: the cloud uses its default.',
  'preflight.version.noneOffered':
    'The cloud offers no Kubernetes version for new ACK Edge clusters in {region}.',
  'preflight.version.offered': 'Kubernetes {version} is offered.',
  'preflight.version.notOffered':
    'Kubernetes {version} is not offered for new ACK Edge clusters in {region}.',
  'fix.preflight.version.choose': 'Choose one of: {versions}.',
  'fix.preflight.region.other': 'Choose another region.',
  'preflight.caller.root': 'The caller is the root account, which may create clusters.',
  'preflight.caller.granted':
    'The caller has {policy} (through {via}), which allows cs:CreateCluster.',
  'preflight.caller.customMaybe':
    "None of the caller's system policies allows cs:CreateCluster; a custom policy may.",
  'fix.preflight.caller.allowCreate':
    'Make sure {arn} may call cs:CreateCluster (e.g. the system policy AliyunCSFullAccess).',
  'preflight.cidrs.podInvalid': 'The pod CIDR {cidr} is not a valid IPv4 CIDR block.',
  'preflight.cidrs.serviceInvalid': 'The Service CIDR {cidr} is not a valid IPv4 CIDR block.',
  'preflight.cidrs.notPrivate':
    'Pod and Service CIDRs must be inside the private ranges 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16.',
  'preflight.cidrs.prefix': 'The pod CIDR must be /8 to /24 and the Service CIDR /16 to /24.',
  'preflight.cidrs.overlap': 'The pod CIDR {pod} and the Service CIDR {service} overlap.',
  'preflight.cidrs.ok': 'The pod and Service CIDRs are valid and apart.',
  'fix.preflight.cidrs.private':
    'Use private ranges that do not overlap, e.g. pods 172.20.0.0/16 and Services 192.168.0.0/16.',
  'preflight.vpc.missing': 'VPC {vpcId} does not exist in {region}.',
  'preflight.vpc.available': 'VPC {vpcId} ({cidr}) is available.',
  'preflight.vpc.notAvailable': 'VPC {vpcId} is {status}, not Available.',
  'fix.preflight.vpc.choose': 'Choose a VPC of {region}.',
  'fix.preflight.vpc.wait': 'Wait until the VPC is Available.',
  'preflight.vswitches.missing': 'vSwitch {ids} is not in VPC {vpcId} ({region}).',
  'preflight.vswitches.notReady': 'vSwitch not Available: {list}.',
  'preflight.vswitches.ok': '{count} vSwitch(es) in VPC {vpcId}, zones {zones}.',
  'fix.preflight.vswitches.choose': 'Choose vSwitches of VPC {vpcId} that are Available.',
  'preflight.addresses.noneRead': 'No chosen vSwitch could be read.',
  'preflight.addresses.empty': 'vSwitch {ids} has no free address.',
  'preflight.addresses.low': 'Few free addresses in {list}; the control plane and nodes need some.',
  'preflight.addresses.unknown': 'The cloud did not say how many addresses are free in {ids}.',
  'preflight.addresses.ok': 'Every chosen vSwitch has free addresses.',
  'fix.preflight.addresses.choose':
    'Choose a vSwitch with free addresses, or release addresses in it.',
  'preflight.overlap.unknown': 'The VPC could not be read, so its ranges are not known.',
  'preflight.overlap.pod': 'The pod CIDR {cidr} overlaps {ranges}.',
  'preflight.overlap.service': 'The Service CIDR {cidr} overlaps {ranges}.',
  'preflight.overlap.both':
    'The pod CIDR {pod} overlaps {podRanges}; the Service CIDR {service} overlaps {serviceRanges}.',
  'preflight.overlap.ok': 'Neither CIDR overlaps VPC {vpcId} or its vSwitches.',
  'fix.preflight.overlap.outside':
    'Choose pod and Service CIDRs outside the VPC (the suggested defaults are).',
  'evidence.name': 'Cluster name',
  'evidence.existingClusterId': 'Cluster with this name',
  'evidence.offered': 'Versions offered',
  'evidence.version': 'Kubernetes version',
  'evidence.containerCidr': 'Pod CIDR',
  'evidence.serviceCidr': 'Service CIDR',
  'evidence.vpcId': 'VPC',
  'evidence.cidrBlock': 'VPC CIDR',
  'evidence.status': 'VPC status',
  'evidence.vpcsInRegion': 'VPCs in the region',
  'evidence.missing': 'vSwitches not found',
  'evidence.available': 'Free addresses per vSwitch',
  'evidence.vpcCidr': 'VPC CIDR',
} as const;
