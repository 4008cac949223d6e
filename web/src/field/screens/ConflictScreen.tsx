import { useState } from 'react';
import { db } from '../db';
import { formatTime, useLive } from '../hooks';
import { fetchConflicts, resolveConflict } from '../sync';

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(kosong)';
  if (typeof v === 'string') return v;
  if (Array.isArray(v))
    return v
      .map((x) =>
        typeof x === 'object' && x && 'name' in x ? String((x as { name: string }).name) : JSON.stringify(x),
      )
      .join(', ');
  return JSON.stringify(v, null, 1);
}

export function ConflictScreen({ online }: { online: boolean }) {
  const items = useLive(() => db.conflicts.toArray(), [], []);
  const [err, setErr] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const choose = async (id: string, choice: 'server' | 'client') => {
    setBusy(id);
    setErr(null);
    try {
      await resolveConflict(id, choice);
    } catch (e) {
      setErr((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section>
      <h1 className="f-title">Konflik</h1>
      <p className="f-muted">
        Isian yang diubah orang lain di server saat Anda di lapangan. Tidak ada yang ditimpa diam-diam: pilih nilai yang
        benar.
      </p>
      <button
        type="button"
        className="f-btn f-btn-block"
        disabled={!online}
        onClick={() => void fetchConflicts().catch((e: Error) => setErr(e.message))}
      >
        {online ? 'Periksa konflik' : 'Tidak ada sinyal'}
      </button>
      {err && (
        <p className="f-note f-note-warn" role="alert">
          {err}
        </p>
      )}
      {items.length === 0 && (
        <p className="f-note f-note-ok" data-testid="no-conflicts">
          Tidak ada konflik.
        </p>
      )}
      <ul className="f-list">
        {items.map((c) => (
          <li key={c.id} className="f-card" data-testid="conflict">
            <strong>
              {c.cooperative.name} — {c.fieldLabel}
            </strong>
            <span className="f-muted">
              {c.entityType === 'followUp' ? 'Tindak lanjut' : c.entityType === 'visit' ? 'Kunjungan' : c.entityType} ·{' '}
              {formatTime(c.createdAt)} · {c.user.fullName}
            </span>
            <div className="f-sides">
              <div className="f-side">
                <span className="f-side-h">Nilai di server</span>
                <p data-testid="conflict-server">{show(c.serverValue)}</p>
                <button
                  type="button"
                  className="f-btn"
                  disabled={!online || busy === c.id}
                  onClick={() => void choose(c.id, 'server')}
                >
                  Pakai nilai server
                </button>
              </div>
              <div className="f-side f-side-mine">
                <span className="f-side-h">Nilai Anda</span>
                <p data-testid="conflict-client">{show(c.clientValue)}</p>
                <button
                  type="button"
                  className="f-btn f-btn-primary"
                  disabled={!online || busy === c.id}
                  onClick={() => void choose(c.id, 'client')}
                >
                  Pakai nilai Anda
                </button>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
