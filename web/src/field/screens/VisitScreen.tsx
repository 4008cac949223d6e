import { useEffect, useRef, useState } from 'react';
import type { Attendee, ChecklistTemplate, VisitFields } from '../core/types';
import { db, getMeta, type FollowUpRow, type PackRow } from '../db';
import { formatDate, formatKb, formatTime, go, useLive } from '../hooks';
import {
  ASPECTS,
  ATTENDEE_ROLES,
  CHECK_RESULTS,
  CONCERN_KINDS,
  FOLLOW_UP_STATUS,
  OFFICER_ROLES,
  RAT_STATUS,
  SEVERITIES,
  TOPICS,
  VISIT_STATUS,
  label,
} from '../labels';
import {
  addConcern,
  addRecommendation,
  addVisitPhoto,
  completeVisit,
  saveFollowUpDraft,
  saveVisitDraft,
  setFollowUpStatus,
  type Me,
} from '../store';

/** "CUKUP_SEHAT" → "Cukup Sehat" (the rubric codes spell their labels). */
const categoryLabel = (code: string) =>
  code
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
const hhmm = () =>
  new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Jakarta' });
const inDays = (n: number) =>
  new Date(Date.now() + n * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Jakarta' });

export function VisitScreen({ visitId, me }: { visitId: string; me: Me | null }) {
  const [pack, setPack] = useState<PackRow | null | undefined>(undefined);
  const [draft, setDraft] = useState<VisitFields | null>(null);
  const [completed, setCompleted] = useState(false);
  const [checklist, setChecklist] = useState<ChecklistTemplate | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const chain = useRef(Promise.resolve());

  useEffect(() => {
    void (async () => {
      const p = await db.packs.get(visitId);
      const r = await db.records.get(visitId);
      setChecklist((await getMeta<ChecklistTemplate>('checklist')) ?? null);
      setPack(p ?? null);
      setDraft(r ? r.draft : null);
      setCompleted(!!r?.completed);
    })();
  }, [visitId]);

  if (pack === undefined) return <p className="f-muted">Memuat…</p>;
  if (!pack || !draft) {
    return (
      <div className="f-card">
        <p>Kunjungan ini belum ada di ponsel. Siapkan kunjungan dulu selagi ada sinyal.</p>
        <button type="button" className="f-btn f-btn-primary" onClick={() => go('/lapangan/siapkan')}>
          Siapkan kunjungan
        </button>
      </div>
    );
  }
  const item = pack.item;
  const coop = item.cooperative.name;

  // Every change is written to the phone at once (serialised so writes keep their order).
  const update = (patch: Partial<VisitFields>) => {
    setDraft((d) => {
      const next = { ...(d as VisitFields), ...patch };
      chain.current = chain.current
        .then(() => saveVisitDraft(visitId, next, coop))
        .then(() => setSaved(new Date().toISOString()));
      return next;
    });
  };

  return (
    <article className="f-visit">
      <button type="button" className="f-back" onClick={() => go('/lapangan')}>
        ‹ Kunjungan saya
      </button>
      <h1 className="f-title" data-testid="visit-coop">
        {coop}
      </h1>
      <p className="f-muted">
        {item.visit.cooperative.village.name}, {item.visit.cooperative.district.name} · {formatDate(item.visit.date)} ·{' '}
        {VISIT_STATUS[item.visit.status] ?? item.visit.status}
      </p>
      <p className="f-saved" role="status" data-testid="saved-state">
        {saved ? `Tersimpan di ponsel ${formatTime(saved)}` : 'Semua isian langsung tersimpan di ponsel.'}
      </p>

      <Info pack={pack} />
      <TimeSection draft={draft} update={update} />
      <GpsSection draft={draft} update={update} />
      <AttendanceSection list={draft.attendance} onChange={(attendance) => update({ attendance })} />
      <details className="f-section" open>
        <summary>Catatan dan temuan</summary>
        {ASPECTS.map(([code, name]) => (
          <label key={code} className="f-field">
            <span>{name}</span>
            <textarea
              rows={3}
              value={draft.findings[code] ?? ''}
              onChange={(e) => update({ findings: { ...draft.findings, [code]: e.target.value || null } })}
              data-testid={`finding-${code}`}
            />
          </label>
        ))}
      </details>
      {checklist && <ChecklistSection template={checklist} draft={draft} update={update} />}
      <ConcernSection pack={pack} />
      <FollowUpSection pack={pack} me={me} />
      <PhotoSection visitId={visitId} />
      <div className="f-section">
        {completed ? (
          <p className="f-note f-note-ok">Kunjungan ditandai selesai. Akan dikirim bersama kotak keluar.</p>
        ) : (
          <button
            type="button"
            className="f-btn f-btn-block"
            onClick={() => {
              if (!window.confirm('Tandai kunjungan ini selesai?')) return;
              chain.current = chain.current.then(() => completeVisit(visitId, coop)).then(() => setCompleted(true));
            }}
          >
            Tandai kunjungan selesai
          </button>
        )}
      </div>
    </article>
  );
}

function Info({ pack }: { pack: PackRow }) {
  const i = pack.item;
  const rat = i.rat?.years.find((y) => y.fiscalYear === i.rat?.latestDueYear) ?? null;
  return (
    <details className="f-section">
      <summary>Profil koperasi</summary>
      {i.lastAssessment && (
        <p>
          Penilaian {i.lastAssessment.fiscalYear}: <strong>{categoryLabel(i.lastAssessment.category)}</strong> (skor{' '}
          {i.lastAssessment.score.toLocaleString('id-ID')})
        </p>
      )}
      {i.officers.length > 0 && (
        <ul className="f-plain">
          {i.officers.map((o, k) => (
            <li key={k}>
              {o.name} <span className="f-muted">· {OFFICER_ROLES[o.role] ?? o.role}</span>
              {o.phone && (
                <>
                  {' · '}
                  <a href={`tel:${o.phone}`}>{o.phone}</a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {rat && (
        <p>
          RAT tahun buku {rat.fiscalYear}: <strong>{RAT_STATUS[rat.status] ?? rat.status}</strong>
          {rat.heldOn ? ` (${rat.heldOn})` : ` (batas ${rat.deadline})`}
        </p>
      )}
      {i.rat?.warnings.map((w) => (
        <p key={w.code} className="f-note f-note-warn">
          {w.message}
        </p>
      ))}
      {i.businessUnits.length > 0 && <p>Unit usaha: {i.businessUnits.map((u) => u.name).join(', ')}</p>}
      <p className="f-muted">Tim: {i.visit.team.map((t) => t.fullName).join(', ')}</p>
    </details>
  );
}

function TimeSection({ draft, update }: { draft: VisitFields; update: (p: Partial<VisitFields>) => void }) {
  return (
    <details className="f-section" open>
      <summary>Waktu</summary>
      <div className="f-grid2">
        <label className="f-field">
          <span>Mulai</span>
          <input
            type="time"
            value={draft.startTime ?? ''}
            onChange={(e) => update({ startTime: e.target.value || null })}
            data-testid="start-time"
          />
        </label>
        <label className="f-field">
          <span>Selesai</span>
          <input
            type="time"
            value={draft.endTime ?? ''}
            onChange={(e) => update({ endTime: e.target.value || null })}
            data-testid="end-time"
          />
        </label>
        <button type="button" className="f-btn" onClick={() => update({ startTime: hhmm() })}>
          Mulai sekarang
        </button>
        <button type="button" className="f-btn" onClick={() => update({ endTime: hhmm() })}>
          Selesai sekarang
        </button>
      </div>
    </details>
  );
}

function GpsSection({ draft, update }: { draft: VisitFields; update: (p: Partial<VisitFields>) => void }) {
  const [msg, setMsg] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const take = () => {
    if (!navigator.geolocation) return setMsg('Ponsel ini tidak menyediakan lokasi.');
    setBusy(true);
    setMsg(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setBusy(false);
        update({
          gps: {
            lat: pos.coords.latitude,
            lng: pos.coords.longitude,
            accuracy: Math.round(pos.coords.accuracy),
            at: new Date(pos.timestamp).toISOString(),
          },
        });
      },
      (err) => {
        setBusy(false);
        setMsg(
          err.code === err.PERMISSION_DENIED
            ? 'Izin lokasi ditolak. Buka pengaturan peramban → Izin situs → Lokasi, izinkan untuk Sambang, lalu coba lagi. Kunjungan tetap bisa dicatat tanpa lokasi.'
            : 'Lokasi belum didapat. Pindah ke tempat terbuka lalu coba lagi.',
        );
      },
      { enableHighAccuracy: true, timeout: 30_000, maximumAge: 60_000 },
    );
  };
  return (
    <details className="f-section" open>
      <summary>Lokasi (GPS)</summary>
      {draft.gps ? (
        <p data-testid="gps-value">
          {draft.gps.lat.toFixed(5)}, {draft.gps.lng.toFixed(5)}{' '}
          {draft.gps.accuracy != null && <span className="f-muted">(±{draft.gps.accuracy} m)</span>}
        </p>
      ) : (
        <p className="f-muted">Belum ada lokasi.</p>
      )}
      <button type="button" className="f-btn" disabled={busy} onClick={take}>
        {busy ? 'Mencari lokasi…' : draft.gps ? 'Ambil ulang lokasi' : 'Ambil lokasi'}
      </button>
      {msg && (
        <p className="f-note f-note-warn" role="alert" data-testid="gps-error">
          {msg}
        </p>
      )}
    </details>
  );
}

function AttendanceSection({ list, onChange }: { list: Attendee[]; onChange: (l: Attendee[]) => void }) {
  const [name, setName] = useState('');
  const [gender, setGender] = useState<'L' | 'P'>('P');
  const [role, setRole] = useState<Attendee['role']>('pengurus');
  const male = list.filter((a) => a.gender === 'L').length;
  return (
    <details className="f-section" open>
      <summary>
        Kehadiran ({list.length}: {male} L, {list.length - male} P)
      </summary>
      <ul className="f-plain">
        {list.map((a, i) => (
          <li key={i} className="f-row f-between">
            <span>
              {a.name}{' '}
              <span className="f-muted">
                · {a.gender} · {label(ATTENDEE_ROLES, a.role)}
              </span>
            </span>
            <button
              type="button"
              className="f-btn f-btn-small f-btn-ghost"
              aria-label={`Hapus ${a.name}`}
              onClick={() => onChange(list.filter((_, j) => j !== i))}
            >
              Hapus
            </button>
          </li>
        ))}
      </ul>
      <form
        className="f-stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim().length < 2) return;
          onChange([...list, { name: name.trim(), gender, role }]);
          setName('');
        }}
      >
        <label className="f-field">
          <span>Nama hadir</span>
          <input value={name} onChange={(e) => setName(e.target.value)} data-testid="attendee-name" />
        </label>
        <div className="f-grid2">
          <label className="f-field">
            <span>Jenis kelamin</span>
            <select
              value={gender}
              onChange={(e) => setGender(e.target.value as 'L' | 'P')}
              data-testid="attendee-gender"
            >
              <option value="P">Perempuan</option>
              <option value="L">Laki-laki</option>
            </select>
          </label>
          <label className="f-field">
            <span>Peran</span>
            <select
              value={role}
              onChange={(e) => setRole(e.target.value as Attendee['role'])}
              data-testid="attendee-role"
            >
              {ATTENDEE_ROLES.map(([c, l]) => (
                <option key={c} value={c}>
                  {l}
                </option>
              ))}
            </select>
          </label>
        </div>
        <button type="submit" className="f-btn" disabled={name.trim().length < 2}>
          Tambah yang hadir
        </button>
      </form>
    </details>
  );
}

function ChecklistSection({
  template,
  draft,
  update,
}: {
  template: ChecklistTemplate;
  draft: VisitFields;
  update: (p: Partial<VisitFields>) => void;
}) {
  const answered = Object.keys(draft.checklist).length;
  const total = template.areas.reduce((s, a) => s + a.indicators.length, 0);
  return (
    <details className="f-section">
      <summary>
        Daftar periksa ({answered}/{total})
      </summary>
      {template.areas.map((area) => (
        <div key={area.code} className="f-stack">
          <h3 className="f-sub">{area.label}</h3>
          {area.indicators.map((ind) => {
            const a = draft.checklist[ind.code];
            return (
              <div key={ind.code} className="f-check">
                <p>{ind.label}</p>
                <div className="f-seg" role="group" aria-label={ind.label}>
                  {CHECK_RESULTS.map(([c, l]) => (
                    <button
                      key={c}
                      type="button"
                      aria-pressed={a?.result === c}
                      className={a?.result === c ? 'f-on' : ''}
                      onClick={() => {
                        const next = { ...draft.checklist };
                        if (a?.result === c) delete next[ind.code];
                        else next[ind.code] = { result: c as 'SESUAI', note: a?.note ?? null };
                        update({ checklist: next });
                      }}
                    >
                      {l}
                    </button>
                  ))}
                </div>
              </div>
            );
          })}
        </div>
      ))}
    </details>
  );
}

function ConcernSection({ pack }: { pack: PackRow }) {
  const existing = pack.item.concerns;
  // Concerns recorded here; once a new pack includes them they are listed from the pack only.
  const local = useLive(
    async () =>
      (await db.concerns.where('visitId').equals(pack.visitId).toArray()).filter(
        (c) => !existing.some((e) => e.id === c.id),
      ),
    [pack.visitId, existing],
    [],
  );
  const [open, setOpen] = useState(false);
  const [f, setF] = useState({
    kind: 'PERMASALAHAN',
    topic: 'permodalan',
    description: '',
    raisedBy: '',
    severity: 'sedang',
  });
  return (
    <details className="f-section" open>
      <summary>Permasalahan ({existing.length + local.length})</summary>
      <ul className="f-plain">
        {existing.map((c) => (
          <li key={c.id}>
            <span className="f-tag">{label(CONCERN_KINDS, c.kind)}</span> {c.description}{' '}
            <span className="f-muted">— {c.raisedBy}</span>
          </li>
        ))}
        {local.map((c) => (
          <li key={c.id} data-testid="local-concern">
            <span className="f-tag">{label(CONCERN_KINDS, c.kind)}</span> {c.description}{' '}
            <span className="f-muted">— {c.raisedBy}</span>
            {c.local && <span className="f-tag f-tag-warn">belum terkirim</span>}
          </li>
        ))}
      </ul>
      {!open ? (
        <button type="button" className="f-btn" onClick={() => setOpen(true)}>
          Catat permasalahan
        </button>
      ) : (
        <form
          className="f-stack"
          onSubmit={(e) => {
            e.preventDefault();
            if (f.description.trim().length < 5 || f.raisedBy.trim().length < 2) return;
            void addConcern(pack.item, { ...f, description: f.description.trim(), raisedBy: f.raisedBy.trim() }).then(
              () => {
                setF({ ...f, description: '', raisedBy: '' });
                setOpen(false);
              },
            );
          }}
        >
          <div className="f-grid2">
            <Select
              label="Jenis"
              value={f.kind}
              options={CONCERN_KINDS}
              onChange={(kind) => setF({ ...f, kind })}
              testId="concern-kind"
            />
            <Select
              label="Tingkat"
              value={f.severity}
              options={SEVERITIES}
              onChange={(severity) => setF({ ...f, severity })}
              testId="concern-severity"
            />
          </div>
          <Select
            label="Topik"
            value={f.topic}
            options={TOPICS}
            onChange={(topic) => setF({ ...f, topic })}
            testId="concern-topic"
          />
          <label className="f-field">
            <span>Uraian</span>
            <textarea
              rows={3}
              value={f.description}
              onChange={(e) => setF({ ...f, description: e.target.value })}
              data-testid="concern-description"
            />
          </label>
          <label className="f-field">
            <span>Disampaikan oleh</span>
            <input
              value={f.raisedBy}
              onChange={(e) => setF({ ...f, raisedBy: e.target.value })}
              data-testid="concern-raised-by"
            />
          </label>
          <div className="f-grid2">
            <button type="button" className="f-btn f-btn-ghost" onClick={() => setOpen(false)}>
              Batal
            </button>
            <button
              type="submit"
              className="f-btn f-btn-primary"
              disabled={f.description.trim().length < 5 || f.raisedBy.trim().length < 2}
            >
              Simpan permasalahan
            </button>
          </div>
        </form>
      )}
    </details>
  );
}

function FollowUpSection({ pack, me }: { pack: PackRow; me: Me | null }) {
  const rows = useLive(
    () => db.followUps.where('cooperativeId').equals(pack.item.cooperative.id).toArray(),
    [pack.item.cooperative.id],
    [],
  );
  const concerns = useLive(() => db.concerns.where('visitId').equals(pack.visitId).toArray(), [pack.visitId], []);
  const [open, setOpen] = useState(false);
  const [f, setF] = useState({
    recommendation: '',
    deadline: inDays(30),
    monitoringPlan: '',
    concernId: '',
    responsible: 'COOPERATIVE',
  });
  const concernOptions: [string, string][] = [
    ['', '— tanpa permasalahan —'],
    ...[...pack.item.concerns, ...concerns].map((c): [string, string] => [c.id, c.description.slice(0, 60)]),
  ];
  return (
    <details className="f-section" open>
      <summary>Rekomendasi dan tindak lanjut ({rows.length})</summary>
      <ul className="f-plain">
        {rows.map((r) => (
          <FollowUpRowView key={r.id} row={r} coop={pack.item.cooperative.name} />
        ))}
      </ul>
      {!open ? (
        <button type="button" className="f-btn" onClick={() => setOpen(true)}>
          Tambah rekomendasi
        </button>
      ) : (
        <form
          className="f-stack"
          onSubmit={(e) => {
            e.preventDefault();
            if (f.recommendation.trim().length < 5) return;
            const responsible =
              f.responsible === 'USER' && me
                ? { kind: 'USER' as const, userId: String(me.id), bidang: null }
                : f.responsible === 'BIDANG' && me?.bidang
                  ? { kind: 'BIDANG' as const, userId: null, bidang: me.bidang }
                  : { kind: 'COOPERATIVE' as const, userId: null, bidang: null };
            void addRecommendation(pack.item, {
              concernId: f.concernId || null,
              recommendation: f.recommendation.trim(),
              deadline: f.deadline,
              monitoringPlan: f.monitoringPlan.trim() || null,
              responsible,
            }).then(() => {
              setF({ ...f, recommendation: '', monitoringPlan: '' });
              setOpen(false);
            });
          }}
        >
          <Select
            label="Untuk permasalahan"
            value={f.concernId}
            options={concernOptions}
            onChange={(concernId) => setF({ ...f, concernId })}
            testId="rec-concern"
          />
          <label className="f-field">
            <span>Rekomendasi</span>
            <textarea
              rows={3}
              value={f.recommendation}
              onChange={(e) => setF({ ...f, recommendation: e.target.value })}
              data-testid="rec-text"
            />
          </label>
          <div className="f-grid2">
            <label className="f-field">
              <span>Tenggat</span>
              <input
                type="date"
                value={f.deadline}
                onChange={(e) => setF({ ...f, deadline: e.target.value })}
                data-testid="rec-deadline"
              />
            </label>
            <Select
              label="Penanggung jawab"
              value={f.responsible}
              options={[
                ['COOPERATIVE', 'Koperasi'],
                ['USER', 'Saya'],
                ...(me?.bidang ? [['BIDANG', 'Bidang saya'] as [string, string]] : []),
              ]}
              onChange={(responsible) => setF({ ...f, responsible })}
              testId="rec-responsible"
            />
          </div>
          <label className="f-field">
            <span>Rencana pemantauan</span>
            <input value={f.monitoringPlan} onChange={(e) => setF({ ...f, monitoringPlan: e.target.value })} />
          </label>
          <div className="f-grid2">
            <button type="button" className="f-btn f-btn-ghost" onClick={() => setOpen(false)}>
              Batal
            </button>
            <button type="submit" className="f-btn f-btn-primary" disabled={f.recommendation.trim().length < 5}>
              Simpan rekomendasi
            </button>
          </div>
        </form>
      )}
    </details>
  );
}

function FollowUpRowView({ row, coop }: { row: FollowUpRow; coop: string }) {
  const [mode, setMode] = useState<'view' | 'edit' | 'status'>('view');
  const [draft, setDraft] = useState(row.draft);
  const [note, setNote] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [err, setErr] = useState<string | null>(null);
  useEffect(() => setDraft(row.draft), [row.draft]);
  return (
    <li className="f-fu" data-testid="follow-up">
      <p className="f-fu-text" data-testid="follow-up-text">
        {row.draft.recommendation}
      </p>
      <p className="f-muted">
        Tenggat {row.draft.deadline} · {FOLLOW_UP_STATUS[row.status] ?? row.status}
        {row.local && <span className="f-tag f-tag-warn">belum terkirim</span>}
      </p>
      {mode === 'view' && row.status !== 'done' && row.status !== 'cancelled' && (
        <div className="f-grid2">
          <button type="button" className="f-btn f-btn-small" onClick={() => setMode('edit')}>
            Ubah
          </button>
          <button type="button" className="f-btn f-btn-small" onClick={() => setMode('status')}>
            Perbarui status
          </button>
        </div>
      )}
      {mode === 'edit' && (
        <div className="f-stack">
          <label className="f-field">
            <span>Rekomendasi</span>
            <textarea
              rows={3}
              value={draft.recommendation}
              onChange={(e) => {
                const d = { ...draft, recommendation: e.target.value };
                setDraft(d);
                void saveFollowUpDraft(row.id, d, coop);
              }}
              data-testid="follow-up-edit"
            />
          </label>
          <label className="f-field">
            <span>Tenggat</span>
            <input
              type="date"
              value={draft.deadline}
              onChange={(e) => {
                const d = { ...draft, deadline: e.target.value };
                setDraft(d);
                void saveFollowUpDraft(row.id, d, coop);
              }}
            />
          </label>
          <button type="button" className="f-btn f-btn-small" onClick={() => setMode('view')}>
            Selesai mengubah
          </button>
        </div>
      )}
      {mode === 'status' && (
        <form
          className="f-stack"
          onSubmit={(e) => {
            e.preventDefault();
            const status = (e.nativeEvent as SubmitEvent).submitter?.getAttribute('value') as 'in_progress' | 'done';
            if (status === 'done' && note.trim().length < 3)
              return setErr('Untuk status selesai, tulis apa yang sudah dilakukan (bukti).');
            setErr(null);
            void setFollowUpStatus(row, coop, status, note.trim(), photo)
              .then(() => setMode('view'))
              .catch((x: Error) => setErr(x.message));
          }}
        >
          <label className="f-field">
            <span>Catatan / bukti</span>
            <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} data-testid="evidence-note" />
          </label>
          <label className="f-field">
            <span>Foto bukti (opsional)</span>
            <input
              type="file"
              accept="image/*"
              capture="environment"
              onChange={(e) => setPhoto(e.target.files?.[0] ?? null)}
              data-testid="evidence-photo"
            />
          </label>
          {err && <p className="f-note f-note-warn">{err}</p>}
          <div className="f-grid2">
            <button type="submit" value="in_progress" className="f-btn">
              Sedang berjalan
            </button>
            <button type="submit" value="done" className="f-btn f-btn-primary">
              Selesai
            </button>
          </div>
          <button type="button" className="f-btn f-btn-ghost f-btn-small" onClick={() => setMode('view')}>
            Batal
          </button>
        </form>
      )}
    </li>
  );
}

function PhotoSection({ visitId }: { visitId: string }) {
  const photos = useLive(
    async () => (await db.photos.where('visitId').equals(visitId).toArray()).filter((p) => p.target.type === 'visit'),
    [visitId],
    [],
  );
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<string | null>(null);
  const [urls, setUrls] = useState<Record<string, string>>({});
  useEffect(() => {
    const next: Record<string, string> = {};
    for (const p of photos) next[p.id] = URL.createObjectURL(p.blob);
    setUrls(next);
    return () => Object.values(next).forEach((u) => URL.revokeObjectURL(u));
  }, [photos]);
  return (
    <details className="f-section" open>
      <summary>Foto ({photos.length} belum terkirim)</summary>
      <p className="f-muted">
        Foto dikompres di ponsel. Setelah terkirim, foto dihapus dari ponsel dan tersimpan di server (lihat di aplikasi
        kantor).
      </p>
      <div className="f-photos">
        {photos.map((p) => (
          <figure key={p.id} data-testid="local-photo">
            {urls[p.id] && <img src={urls[p.id]} alt={p.caption ?? 'Foto kunjungan'} />}
            <figcaption className="f-muted">
              {formatKb(p.size)} (asli {formatKb(p.originalBytes)})
            </figcaption>
          </figure>
        ))}
      </div>
      <label className="f-btn f-btn-block f-file">
        {busy ? 'Mengompres foto…' : 'Ambil / pilih foto'}
        <input
          type="file"
          accept="image/*"
          capture="environment"
          data-testid="photo-input"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            setBusy(true);
            setErr(null);
            void addVisitPhoto(visitId, file, null)
              .catch((x: Error) => setErr(x.message))
              .finally(() => setBusy(false));
          }}
        />
      </label>
      {err && <p className="f-note f-note-warn">{err}</p>}
    </details>
  );
}

function Select({
  label: text,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  options: [string, string][];
  onChange: (v: string) => void;
  testId?: string;
}) {
  return (
    <label className="f-field">
      <span>{text}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {options.map(([c, l]) => (
          <option key={c} value={c}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}
