import { useEffect } from 'react';

/**
 * The document title of a screen (issue #15): most specific first, "Sambang" last, e.g.
 * usePageTitle('Kopwan Dewi Rengganis', 'Koperasi') → "Kopwan Dewi Rengganis · Koperasi · Sambang".
 * Screen readers announce it on every navigation and it names the browser tab, so each screen has
 * its own. PageHeader calls it with its title; a screen without PageHeader calls it itself.
 */
export function pageTitle(...parts: Array<string | null | undefined | false>): string {
  return [...parts.filter((p): p is string => !!p && p.trim() !== ''), 'Sambang'].join(' · ');
}

export function usePageTitle(...parts: Array<string | null | undefined | false>): void {
  const title = pageTitle(...parts);
  useEffect(() => {
    document.title = title;
  }, [title]);
}
