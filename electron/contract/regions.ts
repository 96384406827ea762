// Regions where ACK Edge Pro is documented (docs/alibaba-cloud-api.md §3). The core falls back to
// this list when DescribeRegions cannot be called (the live list from the cloud always wins).
// The simulator keeps its own copy (it imports nothing of ours); test/unit/simulator/
// edge-regions.test.ts proves the two are equal.

export const DOCUMENTED_EDGE_REGIONS = [
  'cn-qingdao',
  'cn-beijing',
  'cn-zhangjiakou',
  'cn-huhehaote',
  'cn-wulanchabu',
  'cn-hangzhou',
  'cn-shanghai',
  'cn-shenzhen',
  'cn-heyuan',
  'cn-guangzhou',
  'cn-chengdu',
  'cn-zhongwei',
  'cn-wuhan-lr',
] as const;
