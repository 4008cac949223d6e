/**
 * Field mode shell (issue #6): header with connection state, banners (session, storage, update),
 * bottom navigation, and the screens. Plain React and CSS — no Mantine — so it loads fast on 2G/3G.
 */
import { useEffect, useState } from 'react';
import { db, getMeta, setMeta } from './db';
import { go, useLive, useOnline, usePath } from './hooks';
import { applyUpdate, isUpdateReady, onUpdateReady } from './pwa';
import { loadMe, type Me } from './store';
import { blockSync, onSyncState, startAutoSync, syncNow, syncState, type SyncState } from './sync';
import { HomeScreen } from './screens/HomeScreen';
import { PrepareScreen } from './screens/PrepareScreen';
import { VisitScreen } from './screens/VisitScreen';
import { OutboxScreen } from './screens/OutboxScreen';
import { ConflictScreen } from './screens/ConflictScreen';
import { NoticesScreen } from './screens/NoticesScreen';
import { getNotices, refreshNotices } from './notifications';

const LOGIN_HREF = '/masuk?next=%2Flapangan';

function usePersistence(): 'granted' | 'denied' | 'unknown' {
  const [state, setState] = useState<'granted' | 'denied' | 'unknown'>('unknown');
  useEffect(() => {
    void (async () => {
      if (!navigator.storage?.persist) return setState('denied');
      const already = await navigator.storage.persisted().catch(() => false);
      const granted = already || (await navigator.storage.persist().catch(() => false));
      setState(granted ? 'granted' : 'denied');
      await setMeta('persisted', granted);
    })();
  }, []);
  return state;
}

export function FieldApp() {
  const path = usePath();
  const online = useOnline();
  const persisted = usePersistence();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [sync, setSync] = useState<SyncState>(syncState());
  const [update, setUpdate] = useState(isUpdateReady());
  const storageSeen = useLive(async () => (await getMeta<boolean>('storageNoticeSeen')) ?? false, [], true);
  const sessionExpired = useLive(async () => (await getMeta<boolean>('sessionExpired')) ?? false, [], false);
  const counts = useLive(
    async () => ({
      outbox: await db.outbox.count(),
      photos: await db.photos.count(),
      conflicts: await db.conflicts.count(),
    }),
    [],
    { outbox: 0, photos: 0, conflicts: 0 },
  );

  useEffect(() => onSyncState(setSync), []);
  useEffect(() => onUpdateReady(setUpdate), []);
  const [otherOwner, setOtherOwner] = useState<Me | null>(null);
  useEffect(() => {
    void loadMe().then(({ me: m, otherOwner: o }) => {
      setMe(m);
      setOtherOwner(o ?? null);
      blockSync(
        o
          ? `Kotak keluar berisi data ${o.fullName}. Masuk sebagai ${o.fullName} untuk mengirimnya, atau simpan ke berkas.`
          : null,
      );
      if (m && !o) startAutoSync();
    });
  }, []);
  useEffect(() => {
    if (online && me && !otherOwner) void syncNow(true);
    if (online && me) void refreshNotices();
  }, [online, me, otherOwner]);
  const unreadNotices = useLive(async () => (await getNotices())?.unread ?? 0, [], 0);

  const sub = path.replace(/^\/lapangan\/?/, '');
  const onVisit = sub.startsWith('kunjungan/');
  let screen;
  if (sub === 'siapkan') screen = <PrepareScreen online={online} />;
  else if (onVisit) screen = <VisitScreen visitId={sub.slice('kunjungan/'.length)} me={me ?? null} />;
  else if (sub === 'kotak-keluar') screen = <OutboxScreen online={online} sync={sync} persisted={persisted} />;
  else if (sub === 'konflik') screen = <ConflictScreen online={online} />;
  else if (sub === 'pemberitahuan') screen = <NoticesScreen online={online} />;
  else screen = <HomeScreen />;

  const waiting = counts.outbox + counts.photos;
  return (
    <div className="f-app">
      <header className="f-header">
        <button type="button" className="f-brand" onClick={() => go('/lapangan')}>
          <span className="f-logo" aria-hidden>
            S
          </span>
          Sambang Lapangan
        </button>
        <button
          type="button"
          className="f-bell"
          onClick={() => go('/lapangan/pemberitahuan')}
          aria-label={`Pemberitahuan, ${unreadNotices} belum dibaca`}
          data-testid="field-bell"
        >
          <svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
            <path d="M10 5a2 2 0 1 1 4 0a7 7 0 0 1 4 6v3a4 4 0 0 0 2 3H4a4 4 0 0 0 2-3v-3a7 7 0 0 1 4-6" />
            <path d="M9 17v1a3 3 0 0 0 6 0v-1" />
          </svg>
          {unreadNotices > 0 && <span className="f-count f-count-warn">{unreadNotices}</span>}
        </button>
        <span className={`f-pill ${online ? 'f-pill-on' : 'f-pill-off'}`} data-testid="net-state">
          {online ? 'Daring' : 'Luring'}
        </span>
      </header>
      <div className="f-banners">
        {(sessionExpired || sync.state === 'session') && (
          <div className="f-banner f-banner-warn" role="alert" data-testid="session-banner">
            <strong>Sesi berakhir — masuk lagi.</strong> Data Anda tetap tersimpan di ponsel; pengiriman dilanjutkan
            setelah masuk.
            {online && (
              <a className="f-btn f-btn-small" href={LOGIN_HREF}>
                Masuk
              </a>
            )}
          </div>
        )}
        {otherOwner && (
          <div className="f-banner f-banner-warn" role="alert" data-testid="owner-banner">
            Ponsel ini masih menyimpan data {otherOwner.fullName} yang belum terkirim. Data itu tidak dikirim atas nama
            Anda: masuk sebagai {otherOwner.fullName} untuk mengirimnya, atau simpan ke berkas di Kotak keluar.
          </div>
        )}
        {me === null && !sessionExpired && (
          <div className="f-banner f-banner-warn" role="alert" data-testid="login-banner">
            {online
              ? 'Anda belum masuk. Masuk sekali saat ada sinyal agar mode lapangan bisa dipakai tanpa sinyal.'
              : 'Anda belum pernah masuk di ponsel ini. Masuk saat ada sinyal.'}
            {online && (
              <a className="f-btn f-btn-small" href={LOGIN_HREF}>
                Masuk
              </a>
            )}
          </div>
        )}
        {persisted === 'denied' && !storageSeen && (
          <div className="f-banner f-banner-info f-banner-float" role="status" data-testid="storage-banner">
            <span>
              <strong>Penyimpanan belum tetap.</strong> Peramban bisa menghapus data di ponsel bila memori penuh. Pasang
              aplikasi ke layar utama dan kirim kotak keluar sesering mungkin.
            </span>
            <button type="button" className="f-btn f-btn-small" onClick={() => void setMeta('storageNoticeSeen', true)}>
              Mengerti
            </button>
          </div>
        )}
        {update && !onVisit && (
          <div className="f-banner f-banner-info" data-testid="update-banner">
            Versi baru tersedia —
            <button type="button" className="f-btn f-btn-small" onClick={() => void applyUpdate()}>
              Muat ulang
            </button>
          </div>
        )}
      </div>
      <main className="f-main">{screen}</main>
      <nav className="f-nav" aria-label="Menu lapangan">
        <NavButton to="/lapangan" active={sub === '' || onVisit} label="Kunjungan" />
        <NavButton to="/lapangan/siapkan" active={sub === 'siapkan'} label="Siapkan" />
        <NavButton
          to="/lapangan/kotak-keluar"
          active={sub === 'kotak-keluar'}
          label="Kotak keluar"
          count={waiting}
          testId="nav-outbox"
        />
        <NavButton
          to="/lapangan/konflik"
          active={sub === 'konflik'}
          label="Konflik"
          count={counts.conflicts}
          warn
          testId="nav-conflicts"
        />
      </nav>
    </div>
  );
}

function NavButton({
  to,
  active,
  label,
  count,
  warn,
  testId,
}: {
  to: string;
  active: boolean;
  label: string;
  count?: number;
  warn?: boolean;
  testId?: string;
}) {
  return (
    <a
      href={to}
      className={`f-nav-item${active ? ' f-active' : ''}`}
      aria-current={active ? 'page' : undefined}
      data-testid={testId}
      onClick={(e) => {
        e.preventDefault();
        go(to);
      }}
    >
      <span>
        {label}
        {!!count && <span className={`f-count${warn ? ' f-count-warn' : ''}`}>{count}</span>}
      </span>
    </a>
  );
}
