import { useRef, useState } from 'react';
import { totals } from '../core/outbox';
import { db, getMeta } from '../db';
import { formatKb, formatTime, useLive } from '../hooks';
import { dropOutboxItem, retryOutboxItem } from '../store';
import { exportOutbox, importOutbox, syncNow, type SyncState } from '../sync';

export function OutboxScreen({
  online,
  sync,
  persisted,
}: {
  online: boolean;
  sync: SyncState;
  persisted: 'granted' | 'denied' | 'unknown';
}) {
  const items = useLive(() => db.outbox.orderBy('seq').toArray(), [], []);
  const photos = useLive(() => db.photos.toArray(), [], []);
  const lastSync = useLive(async () => (await getMeta<string>('lastSyncAt')) ?? null, [], null);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const t = totals(items, photos);
  const sending = sync.state === 'sending';

  const save = async () => {
    const blob = await exportOutbox();
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `sambang-kotak-keluar-${new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-')}.json`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    setMsg({ ok: true, text: 'Berkas kotak keluar disimpan. Data tetap ada di ponsel sampai server menerimanya.' });
  };

  return (
    <section>
      <h1 className="f-title">Kotak keluar</h1>
      <div className="f-card f-summary" data-testid="outbox-summary">
        <div>
          <strong data-testid="outbox-count">{t.items}</strong> perubahan
        </div>
        <div>
          <strong data-testid="outbox-photos">{t.photos}</strong> foto
        </div>
        <div>
          <strong>{formatKb(t.bytes)}</strong> total
        </div>
      </div>
      <p className="f-muted">
        {t.items + t.photos > 0 && `Percobaan terakhir: ${formatTime(t.lastAttemptAt)} · `}Sinkron terakhir:{' '}
        {formatTime(lastSync)}
      </p>
      {t.items + t.photos === 0 ? (
        <p className="f-note f-note-ok" data-testid="outbox-empty">
          Semua sudah terkirim ke server.
        </p>
      ) : (
        <p className="f-muted">
          Dikirim otomatis saat sinyal kembali. Data baru dihapus dari ponsel setelah server menerimanya.
        </p>
      )}
      {sync.message && sync.state !== 'done' && sync.state !== 'session' && (
        <p className="f-note f-note-info" role="status" data-testid="sync-message">
          {sync.message}
        </p>
      )}
      {persisted === 'denied' && (
        <p className="f-note f-note-info">
          Penyimpanan di ponsel ini belum tetap: kirim secepatnya, atau simpan ke berkas sebagai cadangan.
        </p>
      )}
      <button
        type="button"
        className="f-btn f-btn-primary f-btn-block"
        disabled={!online || sending}
        onClick={() => void syncNow(true)}
        data-testid="send-now"
      >
        {sending ? 'Mengirim…' : online ? 'Kirim sekarang' : 'Tidak ada sinyal'}
      </button>

      <ul className="f-list">
        {items.map((it) => (
          <li
            key={it.change.changeId}
            className={`f-card${it.rejected ? ' f-card-bad' : ''}`}
            data-testid="outbox-item"
          >
            <strong>{it.label}</strong>
            <span className="f-muted">
              Dibuat {formatTime(it.createdAt)}
              {it.lastAttemptAt
                ? ` · dicoba ${it.attempts}× (terakhir ${formatTime(it.lastAttemptAt)})`
                : ' · belum dicoba'}
            </span>
            {it.error && (
              <span className={`f-note ${it.rejected ? 'f-note-warn' : 'f-note-info'}`}>
                {it.rejected ? `Ditolak server: ${it.error}` : it.error}
              </span>
            )}
            {it.rejected && (
              <div className="f-grid2">
                <button
                  type="button"
                  className="f-btn f-btn-small"
                  onClick={() => void retryOutboxItem(it.change.changeId).then(() => syncNow(true))}
                >
                  Coba lagi
                </button>
                <button
                  type="button"
                  className="f-btn f-btn-small f-btn-ghost"
                  onClick={() => {
                    if (window.confirm('Buang perubahan ini dari ponsel? Tindakan ini tidak bisa dibatalkan.'))
                      void dropOutboxItem(it.change.changeId);
                  }}
                >
                  Buang
                </button>
              </div>
            )}
          </li>
        ))}
        {photos.map((p) => (
          <li key={p.id} className="f-card" data-testid="outbox-photo">
            <strong>Foto {p.target.type === 'followUp' ? 'bukti tindak lanjut' : 'kunjungan'}</strong>
            <span className="f-muted">
              {formatKb(p.size)} · terkirim {Math.round((p.received / p.size) * 100)}%
              {p.lastAttemptAt ? ` · terakhir dicoba ${formatTime(p.lastAttemptAt)}` : ''}
            </span>
            {p.error && <span className="f-note f-note-info">{p.error}</span>}
          </li>
        ))}
      </ul>

      <div className="f-section">
        <h2 className="f-sub">Cadangan lewat berkas</h2>
        <p className="f-muted">
          Bila pengiriman terus gagal, simpan kotak keluar ke berkas lalu kirim berkas itu (mis. lewat WhatsApp) ke
          admin atau buka di perangkat lain dengan “Muat dari berkas”. Perubahan yang sama tidak akan tercatat dua kali.
        </p>
        <div className="f-grid2">
          <button
            type="button"
            className="f-btn"
            disabled={t.items + t.photos === 0}
            onClick={() => void save()}
            data-testid="export-outbox"
          >
            Simpan ke berkas
          </button>
          <button type="button" className="f-btn" onClick={() => fileRef.current?.click()}>
            Muat dari berkas
          </button>
        </div>
        <input
          ref={fileRef}
          type="file"
          accept="application/json,.json"
          hidden
          data-testid="import-outbox"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            void file
              .text()
              .then(importOutbox)
              .then((r) =>
                setMsg({ ok: true, text: `${r.added} perubahan dan ${r.photos} foto dimuat; ${r.skipped} sudah ada.` }),
              )
              .catch((x: Error) => setMsg({ ok: false, text: x.message }));
          }}
        />
        {msg && (
          <p className={`f-note ${msg.ok ? 'f-note-ok' : 'f-note-warn'}`} role="status">
            {msg.text}
          </p>
        )}
      </div>
    </section>
  );
}
