import type { TFunction } from 'i18next';
import type { CoopListItem } from '../../lib/types';

/** "Desa X, Kec. Y" (or "Kel. X" for a kelurahan: the fourth part of its code starts with 1). */
export function locationText(item: Pick<CoopListItem, 'village' | 'district'>, t: TFunction) {
  const kel = item.village.code.split('.')[3]?.startsWith('1');
  return t(kel ? 'coop.locationKelurahan' : 'coop.location', {
    village: item.village.name,
    district: item.district.name,
  });
}
