// The fleet table's words for one row (labels, tooltips, the dates), worked out once per row and
// language and kept. The table reads them as plain properties: each function call in a row's
// markup was a reactive value of its own (Svelte memoises every call in a template), so a row
// cost a dozen of them to build and to update, and building the first window of rows was most
// of "snapshot delivered -> first rows painted" (bench group 4 traces). Kept per row object: a
// new snapshot brings new rows, and the old ones' words go with them.
import { regionName } from '$contract';
import { clusterStateKey } from '../cluster-state';
import { formatCloudDateTime } from '../cloud-time';
import { formatDate, formatRegion } from '../format';
import { t } from '../i18n/index.svelte';
import type { Locale } from '../i18n/index.svelte';
import type { FleetRow } from './view';

/** Alibaba Cloud's build suffix of a Kubernetes version ("1.30.1-aliyun.1"). */
const ALIYUN_BUILD = /-aliyun\.\d+$/;

export interface RowText {
  locale: Locale;
  /** Whether the row's account is a demo one (its times are its simulated cloud's). */
  demo: boolean;
  selectLabel: string;
  attention: string;
  /** The region's name where there is one (else its id), and the console's label as tooltip. */
  region: string;
  regionTitle: string;
  /** The key as shown (alias, else id) and its tooltip (alias and id); empty when no key. */
  key: string;
  keyTitle: string;
  /** The key's health chip, empty when the key is fine (or none). */
  health: string;
  state: string;
  /** "1.30.1": the "-aliyun.1" build suffix is in the tooltip (the full version). */
  version: string;
  edition: string;
  updated: string;
  updatedTitle: string;
}

const kept = new WeakMap<FleetRow, RowText>();

/**
 * The words of `row` in `locale`. The caller passes the language and the account's demo flag
 * (reading them where it renders, so a change of either redraws the row), and the words are
 * made again only when one of them changed.
 */
export function rowText(row: FleetRow, locale: Locale, demo: boolean): RowText {
  const known = kept.get(row);
  if (known && known.locale === locale && known.demo === demo) return known;
  const c = row.cluster;
  const keyId = c.encryption.keyId;
  const text: RowText = {
    locale,
    demo,
    selectLabel: t('batch.selectCluster', { name: c.name }),
    attention: row.attention ? t('fleet.attention') : '',
    region: regionName(c.regionId, locale) ?? c.regionId,
    regionTitle: formatRegion(c.regionId),
    key: keyId ? (row.keyAlias ?? keyId) : '',
    keyTitle: keyId ? (row.keyAlias ? `${row.keyAlias} · ${keyId}` : keyId) : '',
    health: row.keyHealth && row.keyHealth !== 'ok' ? t(`health.${row.keyHealth}`) : '',
    state: t(clusterStateKey(c.state)),
    version: c.kubernetesVersion.replace(ALIYUN_BUILD, ''),
    edition: t(`edition.${c.edition}`),
    updated: formatDate(c.updated),
    updatedTitle: formatCloudDateTime(c.updated, demo),
  };
  kept.set(row, text);
  return text;
}
