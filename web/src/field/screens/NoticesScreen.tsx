import { db } from '../db';
import { formatTime, go, useLive } from '../hooks';
import { type FieldNotice, getNotices, markNoticeRead } from '../notifications';

/** The notices received at the last sync; a visit the phone holds opens in field mode, others in the office app. */
export function NoticesScreen({ online }: { online: boolean }) {
  const notices = useLive(async () => (await getNotices()) ?? null, [], null);
  const visitIds = useLive(
    async () => new Set((await db.packs.toArray()).map((p) => p.visitId)),
    [],
    new Set<string>(),
  );
  const open = (n: FieldNotice) => {
    void markNoticeRead(n.id);
    const visit = /^\/kunjungan\/([\w-]+)$/.exec(n.link)?.[1];
    if (visit && visitIds.has(visit)) go(`/lapangan/kunjungan/${visit}`);
    else if (online) window.location.href = n.link;
  };
  return (
    <section>
      <h1 className="f-title" data-testid="field-notices">
        Pemberitahuan
      </h1>
      {notices ? (
        <p className="f-muted">Diterima saat sinkron terakhir, {formatTime(notices.takenAt)}.</p>
      ) : (
        <p className="f-muted">Belum ada sinkron dengan server.</p>
      )}
      {notices && notices.items.length === 0 && (
        <div className="f-card">Tidak ada pemberitahuan pada sinkron terakhir.</div>
      )}
      <ul className="f-list">
        {notices?.items.map((n) => (
          <li key={n.id}>
            <div
              className="f-card"
              data-testid="field-notice"
              style={n.readAt ? undefined : { borderLeft: '4px solid var(--f-green)' }}
            >
              <button type="button" className="f-notice" onClick={() => open(n)}>
                <strong>{n.title}</strong>
                <span className="f-muted">{n.body}</span>
                <span className="f-muted">{formatTime(n.createdAt)}</span>
              </button>
              {n.waLink && online && (
                <a className="f-btn f-btn-small" href={n.waLink} target="_blank" rel="noopener noreferrer">
                  Kirim WhatsApp
                </a>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
