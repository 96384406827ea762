import { render } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import RegionName from '../../../renderer/src/components/RegionName.svelte';
import { i18n } from '../../../renderer/src/lib/i18n/index.svelte';

describe('RegionName', () => {
  afterEach(() => i18n.setLocale('en'));

  it('shows the console name beside the id, in the UI language', () => {
    i18n.setLocale('zh-CN');
    const { container } = render(RegionName, { id: 'cn-hangzhou' });
    expect(container.textContent).toBe('华东1（杭州） cn-hangzhou');
  });

  it('shows an unknown id alone', () => {
    const { container } = render(RegionName, { id: 'xx-nowhere-1' });
    expect(container.textContent).toBe('xx-nowhere-1');
  });
});
