import { useEffect } from 'react';
import i18n from '../i18n';
import { useMeta } from './meta';

/** 'Kabupaten Lumajang' → 'Kab. Lumajang', 'Provinsi Jawa Timur' → 'Prov. Jawa Timur'. */
export function shortArea(area: string): string {
  return area.replace(/^Kabupaten\s+/i, 'Kab. ').replace(/^Provinsi\s+/i, 'Prov. ');
}

/**
 * Every text naming the Dinas reads the office profile, never code: once /meta is loaded, its
 * names become i18next default variables ({{office}}, {{agency}}, {{officeShort}}) and the screens
 * re-render.
 */
export function OfficeTexts() {
  const { data } = useMeta();
  useEffect(() => {
    const o = data?.office;
    if (!o) return;
    const interpolation = i18n.options.interpolation ?? {};
    interpolation.defaultVariables = {
      office: `${o.shortName} ${shortArea(o.area)}`,
      agency: `${o.name}${o.shortName !== o.name ? ` (${o.shortName})` : ''} ${o.area}`,
      officeShort: o.shortName,
    };
    i18n.options.interpolation = interpolation;
    i18n.emit('languageChanged', i18n.language);
  }, [data]);
  return null;
}
