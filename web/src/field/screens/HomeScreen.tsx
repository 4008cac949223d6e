import { db, getMeta } from '../db';
import { formatDate, formatTime, go, useLive } from '../hooks';
import { VISIT_STATUS } from '../labels';

export function HomeScreen() {
  const packs = useLive(
    async () => (await db.packs.toArray()).sort((a, b) => a.item.visit.date.localeCompare(b.item.visit.date)),
    [],
    null,
  );
  const pack = useLive(async () => (await getMeta<{ takenAt: string }>('pack')) ?? null, [], null);
  const waiting = useLive(
    async () => {
      const m = new Map<string, number>();
      for (const it of await db.outbox.toArray()) m.set(it.change.entityId, (m.get(it.change.entityId) ?? 0) + 1);
      for (const p of await db.photos.toArray()) m.set(p.visitId, (m.get(p.visitId) ?? 0) + 1);
      return m;
    },
    [],
    new Map<string, number>(),
  );
  if (packs === null) return <p className="f-muted">Memuat…</p>;
  return (
    <section>
      <h1 className="f-title" data-testid="field-home">
        Kunjungan saya
      </h1>
      {pack && <p className="f-muted">Data disiapkan {formatTime(pack.takenAt)}. Bisa dibuka tanpa sinyal.</p>}
      {packs.length === 0 ? (
        <div className="f-card">
          <p>Belum ada kunjungan di ponsel ini.</p>
          <button type="button" className="f-btn f-btn-primary f-btn-block" onClick={() => go('/lapangan/siapkan')}>
            Siapkan kunjungan
          </button>
        </div>
      ) : (
        <ul className="f-list">
          {packs.map(({ item }) => {
            const v = item.visit;
            const n = waiting.get(v.id) ?? 0;
            return (
              <li key={v.id}>
                <a
                  className="f-card f-card-link"
                  href={`/lapangan/kunjungan/${v.id}`}
                  data-testid="visit-card"
                  onClick={(e) => {
                    e.preventDefault();
                    go(`/lapangan/kunjungan/${v.id}`);
                  }}
                >
                  <strong className="f-card-title">{item.cooperative.name}</strong>
                  <span className="f-muted">
                    {v.cooperative.village.name}, {v.cooperative.district.name}
                  </span>
                  <span>
                    {formatDate(v.date)}
                    {v.startTime ? ` · ${v.startTime.slice(0, 5).replace(':', '.')}` : ''}
                  </span>
                  <span className="f-row">
                    <span className="f-tag">{VISIT_STATUS[v.status] ?? v.status}</span>
                    {n > 0 && <span className="f-tag f-tag-warn">{n} menunggu dikirim</span>}
                  </span>
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
