import { useState } from 'react';
import { db, getMeta } from '../db';
import { formatDate, formatKb, formatTime, useLive } from '../hooks';
import { preparePack } from '../store';

export function PrepareScreen({ online }: { online: boolean }) {
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const packs = useLive(
    async () => (await db.packs.toArray()).sort((a, b) => a.item.visit.date.localeCompare(b.item.visit.date)),
    [],
    [],
  );
  const meta = useLive(
    async () => (await getMeta<{ takenAt: string; bytes: number; ms: number }>('pack')) ?? null,
    [],
    null,
  );
  const prepare = async () => {
    setBusy(true);
    setMsg(null);
    try {
      const r = await preparePack(7);
      setMsg({ ok: true, text: `${r.visits} kunjungan disiapkan (${formatKb(r.bytes)}). Siap dibawa ke lapangan.` });
    } catch (e) {
      setMsg({ ok: false, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section>
      <h1 className="f-title">Siapkan kunjungan</h1>
      <p className="f-muted">
        Unduh kunjungan 7 hari ke depan selagi ada sinyal: profil koperasi, pengurus, unit usaha, penilaian terakhir,
        RAT, permasalahan dan tindak lanjut yang masih terbuka, serta daftar periksa.
      </p>
      <button
        type="button"
        className="f-btn f-btn-primary f-btn-block"
        disabled={busy || !online}
        onClick={() => void prepare()}
        data-testid="prepare"
      >
        {busy ? 'Mengunduh…' : 'Siapkan kunjungan'}
      </button>
      {!online && <p className="f-note f-note-warn">Tidak ada sinyal. Data yang sudah disiapkan tetap bisa dipakai.</p>}
      {msg && (
        <p className={`f-note ${msg.ok ? 'f-note-ok' : 'f-note-warn'}`} role="status" data-testid="prepare-result">
          {msg.text}
        </p>
      )}
      {meta && (
        <p className="f-muted" data-testid="pack-meta">
          Terakhir disiapkan {formatTime(meta.takenAt)} · {formatKb(meta.bytes)}
        </p>
      )}
      <ul className="f-list">
        {packs.map((p) => (
          <li key={p.visitId} className="f-card" data-testid="pack-item">
            <strong className="f-card-title">{p.item.cooperative.name}</strong>
            <span>
              {formatDate(p.item.visit.date)}
              {p.item.visit.startTime ? ` · ${p.item.visit.startTime.slice(0, 5).replace(':', '.')}` : ''}
            </span>
            <span className="f-muted">
              {formatKb(p.sizeBytes)} · diambil {formatTime(p.takenAt)} · {p.item.concerns.length} permasalahan ·{' '}
              {p.item.followUps.length} tindak lanjut
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
