// Times a simulated cloud wrote (the demo), the window's half of the rule in core/util/clock.ts:
// shown as the cloud wrote them and marked "simulated time", never passed off as wall-clock
// times; a countdown to one runs on the cloud's clock, read once by the core (SimulatedClock)
// and advanced at its scale since. Without a simulated clock (the real cloud) nothing changes.
import { formatDateTime } from './format';
import { t } from './i18n/index.svelte';

export { cloudNowOf } from '$contract';

/**
 * A date and time the cloud wrote, marked when the cloud's clock is simulated (a finding's
 * simulatedClock is set; a demo account's cluster: Account.demo).
 */
export function formatCloudDateTime(iso: string | null | undefined, simulated: boolean): string {
  const shown = formatDateTime(iso);
  return simulated && iso ? t('time.simulated', { time: shown }) : shown;
}
