import { describe, expect, it } from 'vitest';
import { DOCUMENTED_EDGE_REGIONS, regionLabel, regionName } from '../../../electron/contract';

describe('regionName', () => {
  it('names a region as the console does, in either language', () => {
    expect(regionName('cn-hangzhou', 'zh-CN')).toBe('华东1（杭州）');
    expect(regionName('cn-hangzhou', 'en')).toBe('China (Hangzhou)');
    expect(regionName('cn-wuhan-lr', 'zh-CN')).toBe('华中1（武汉-本地地域）');
    expect(regionName('ap-southeast-1', 'en')).toBe('Singapore');
  });

  it('has a name in both languages for every documented Edge region', () => {
    for (const id of DOCUMENTED_EDGE_REGIONS) {
      expect(regionName(id, 'zh-CN'), id).toMatch(/\p{Script=Han}/u);
      expect(regionName(id, 'en'), id).toMatch(/^[A-Z]/);
    }
  });

  it('knows no name for an unknown id (nor for inherited object keys), and shows the id alone', () => {
    expect(regionName('xx-nowhere-1', 'en')).toBeNull();
    expect(regionName('constructor', 'en')).toBeNull();
    expect(regionLabel('xx-nowhere-1', 'zh-CN')).toBe('xx-nowhere-1');
    expect(regionLabel('cn-beijing', 'zh-CN')).toBe('华北2（北京） cn-beijing');
    expect(regionLabel('cn-beijing', 'en')).toBe('China (Beijing) cn-beijing');
  });
});
