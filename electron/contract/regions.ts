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

/**
 * The console's names of the regions, Chinese and English, as the regions-and-endpoints pages
 * write them (docs/alibaba-cloud-api.md §3.x "Region names"). Shown beside the id, never instead.
 */
const REGION_NAMES: Readonly<Record<string, readonly [zh: string, en: string]>> = {
  'cn-qingdao': ['华北1（青岛）', 'China (Qingdao)'],
  'cn-beijing': ['华北2（北京）', 'China (Beijing)'],
  'cn-zhangjiakou': ['华北3（张家口）', 'China (Zhangjiakou)'],
  'cn-huhehaote': ['华北5（呼和浩特）', 'China (Hohhot)'],
  'cn-wulanchabu': ['华北6（乌兰察布）', 'China (Ulanqab)'],
  'cn-hangzhou': ['华东1（杭州）', 'China (Hangzhou)'],
  'cn-shanghai': ['华东2（上海）', 'China (Shanghai)'],
  'cn-nanjing': ['华东5（南京-本地地域）', 'China (Nanjing - Local Region)'],
  'cn-fuzhou': ['华东6（福州-本地地域）', 'China (Fuzhou - Local Region)'],
  'cn-wuhan-lr': ['华中1（武汉-本地地域）', 'China (Wuhan - Local Region)'],
  'cn-shenzhen': ['华南1（深圳）', 'China (Shenzhen)'],
  'cn-heyuan': ['华南2（河源）', 'China (Heyuan)'],
  'cn-guangzhou': ['华南3（广州）', 'China (Guangzhou)'],
  'cn-chengdu': ['西南1（成都）', 'China (Chengdu)'],
  'cn-zhongwei': ['西北2（中卫）', 'China (Zhongwei)'],
  'cn-hongkong': ['中国香港', 'China (Hong Kong)'],
  'ap-northeast-1': ['日本（东京）', 'Japan (Tokyo)'],
  'ap-northeast-2': ['韩国（首尔）', 'South Korea (Seoul)'],
  'ap-southeast-1': ['新加坡', 'Singapore'],
  'ap-southeast-3': ['马来西亚（吉隆坡）', 'Malaysia (Kuala Lumpur)'],
  'ap-southeast-5': ['印度尼西亚（雅加达）', 'Indonesia (Jakarta)'],
  'ap-southeast-6': ['菲律宾（马尼拉）', 'Philippines (Manila)'],
  'ap-southeast-7': ['泰国（曼谷）', 'Thailand (Bangkok)'],
  'eu-central-1': ['德国（法兰克福）', 'Germany (Frankfurt)'],
  'eu-west-1': ['英国（伦敦）', 'UK (London)'],
  'us-west-1': ['美国（硅谷）', 'US (Silicon Valley)'],
  'us-east-1': ['美国（弗吉尼亚）', 'US (Virginia)'],
  'me-east-1': ['阿联酋（迪拜）', 'UAE (Dubai)'],
};

/** The console's name of a region in the UI language, or null for an id we do not know. */
export function regionName(regionId: string, lang: 'zh-CN' | 'en'): string | null {
  const names = Object.hasOwn(REGION_NAMES, regionId) ? REGION_NAMES[regionId] : undefined;
  return names ? names[lang === 'zh-CN' ? 0 : 1] : null;
}

/** "华东1（杭州） cn-hangzhou" / "China (Hangzhou) cn-hangzhou"; an unknown id alone. */
export function regionLabel(regionId: string, lang: 'zh-CN' | 'en'): string {
  const name = regionName(regionId, lang);
  return name ? `${name} ${regionId}` : regionId;
}
