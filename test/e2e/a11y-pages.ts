import type { Role } from '../../web/src/lib/types';

/**
 * Every screen of the office app and field mode, and who sees it (issue #15: axe-core on every page,
 * at 360 and 1280 px, for each role). A NEW PAGE JOINS THE CHECK BY ADDING ONE LINE HERE: its path
 * (ids come from `ids`), the roles that may open it, and the text that shows it has loaded.
 */
export interface A11yIds {
  coop: string;
  assessment: string | null;
  visit: string | null;
  rubric: string | null;
}
export interface A11yPage {
  path: (ids: A11yIds) => string | null;
  roles: Role[];
  /** Optional: a test id that is on the page once its data is in. */
  ready?: string;
}

const OFFICE: Role[] = ['admin', 'pimpinan', 'petugas'];
const ALL: Role[] = ['admin', 'pimpinan', 'petugas', 'koperasi'];
const COOP_TABS = [
  'profil',
  'unit-usaha',
  'pengembangan-usaha',
  'data-tahunan',
  'kesehatan',
  'rat',
  'dokumen',
  'kunjungan',
  'aspirasi',
  'surat',
  'riwayat',
];

export const A11Y_PAGES: A11yPage[] = [
  { path: () => '/dasbor', roles: ['admin', 'pimpinan'], ready: 'card-coverage' },
  // The page's shortest list (20 of the same card, not 50): axe checks every node, and this is its slowest page.
  { path: () => '/prioritas?limit=20', roles: OFFICE },
  { path: () => '/koperasi', roles: OFFICE, ready: 'coop-item' },
  { path: () => '/koperasi/baru', roles: ['admin', 'petugas'] },
  ...COOP_TABS.map<A11yPage>((tab) => ({
    path: (ids) => `/koperasi/${ids.coop}${tab === 'profil' ? '' : `?tab=${tab}`}`,
    roles: ALL,
    ready: 'coop-name',
  })),
  { path: (ids) => `/koperasi/${ids.coop}/ubah`, roles: ['admin', 'petugas', 'koperasi'] },
  { path: (ids) => `/koperasi/${ids.coop}/laporan-keuangan`, roles: ALL },
  { path: () => '/penilaian', roles: OFFICE },
  { path: (ids) => (ids.assessment ? `/penilaian/${ids.assessment}` : null), roles: OFFICE },
  { path: () => '/rubrik', roles: OFFICE },
  { path: (ids) => (ids.rubric ? `/rubrik/${ids.rubric}` : null), roles: OFFICE },
  { path: () => '/kunjungan', roles: OFFICE },
  { path: () => '/kunjungan/baru', roles: OFFICE },
  { path: (ids) => (ids.visit ? `/kunjungan/${ids.visit}` : null), roles: OFFICE },
  { path: () => '/program', roles: OFFICE },
  { path: () => '/aspirasi', roles: ALL },
  { path: () => '/tindak-lanjut', roles: ALL },
  { path: () => '/impor', roles: ['admin', 'petugas'] },
  { path: () => '/rekap', roles: OFFICE },
  { path: () => '/pengguna', roles: ['admin'] },
  { path: () => '/audit', roles: ['admin', 'pimpinan'] },
  // Notifications (issue #14), official papers (issue #12), the cooperative's desk (issue #13).
  { path: () => '/notifikasi', roles: ALL },
  { path: () => '/notifikasi/pengaturan', roles: ALL },
  { path: () => '/dokumen', roles: OFFICE },
  { path: () => '/kantor', roles: ['admin'] },
  { path: () => '/verifikasi', roles: OFFICE },
  { path: () => '/tentang', roles: ALL },
  { path: () => '/ganti-sandi', roles: ALL },
  { path: () => '/tidak-ada-halaman-ini', roles: ALL },
  // Field mode (its own bundle; the petugas use it).
  { path: () => '/lapangan', roles: ['petugas'], ready: 'field-home' },
  { path: () => '/lapangan/siapkan', roles: ['petugas'] },
  { path: () => '/lapangan/kotak-keluar', roles: ['petugas'] },
  { path: () => '/lapangan/pemberitahuan', roles: ['petugas'] },
];

/** One demo user per role. */
export const A11Y_USERS: Record<Role, string> = {
  admin: 'admin',
  pimpinan: 'pimpinan',
  petugas: 'petugas.koperasi',
  koperasi: 'dewirengganis',
};
