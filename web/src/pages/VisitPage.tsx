import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  Alert, Anchor, Badge, Breadcrumbs, Button, Card, Grid, Group, Modal, Paper, SimpleGrid, Skeleton, Stack, Text, Textarea, Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle, IconBan, IconBrandWhatsapp, IconCalendarEvent, IconCheck, IconCircleCheck, IconClipboardCheck, IconCopy, IconCrown,
  IconDeviceFloppy, IconFileTypePdf, IconPencil, IconRefresh,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import '../i18n/visit-record';
import { ApiError } from '../lib/api';
import { useMe } from '../lib/auth';
import { VisitDocuments } from '../components/papers/VisitDocuments';
import { ReportEditor } from '../components/papers/ReportEditor';
import { downloadFile } from '../lib/download';
import { formatDate, formatDateTime, todayJakarta } from '../lib/format';
import { handleAuthError, notifyError } from '../lib/queryClient';
import {
  approveVisit, cancelVisit, checkDraft, completeVisit, deletePhoto, draftOf, fetchActivityReport, fetchChecklist, fetchUnits, fetchVisit,
  isDirty, patchOf, rebaseDraft, saveVisit, uploadPhoto, visitKey, visitRights, type PendingPhoto, type PhotoMeta, type Visit, type VisitDraft,
} from '../lib/visit-record';
import { ErrorState, PageHeader } from '../components/common';
import { ConfirmModal } from '../components/ConfirmModal';
import { Field } from '../components/Field';
import { AttendanceEditor } from '../components/visit/AttendanceEditor';
import { ChecklistEditor } from '../components/visit/ChecklistEditor';
import { FindingsEditor } from '../components/visit/FindingsEditor';
import { GpsField } from '../components/visit/GpsField';
import { PhotoPicker } from '../components/visit/PhotoPicker';
import { UnitsEditor } from '../components/visit/UnitsEditor';
import { VisitDialogSection } from '../components/dialog/VisitDialogSection';

const STATUS_COLORS: Record<Visit['status'], string> = { planned: 'blue', approved: 'teal', done: 'green', cancelled: 'red' };

const isVersionConflict = (e: unknown) => e instanceof ApiError && e.status === 409 && ('version' in e.fields || /diubah orang lain/.test(e.message));

function dayName(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat('id-ID', { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}
const hhmm = (t: string) => t.replace(':', '.');

export function VisitStatusBadge({ status, size = 'md' }: { status: Visit['status']; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" size={size} data-testid="visit-status" style={{ flexShrink: 0 }}>
      {t(`visitRecord.status.${status}`)}
    </Badge>
  );
}

function Section({ title, hint, children, testId, right }: { title: string; hint?: string; children: ReactNode; testId?: string; right?: ReactNode }) {
  return (
    <Card withBorder padding="md" radius="md" component="section" data-testid={testId} aria-label={title}>
      <Group justify="space-between" align="flex-start" gap="xs" mb={hint ? 2 : 'sm'}>
        <Title order={2} size="h4">
          {title}
        </Title>
        {right}
      </Group>
      {hint && (
        <Text size="xs" c="dimmed" mb="sm">
          {hint}
        </Text>
      )}
      {children}
    </Card>
  );
}

/**
 * In-app links are intercepted while there are unsaved changes (the app uses a BrowserRouter, so
 * react-router's blockers are not available); closing or reloading the tab asks the browser.
 */
function useLeaveGuard(dirty: boolean): { pending: string | null; stay: () => void; leave: () => void } {
  const navigate = useNavigate();
  const [pending, setPending] = useState<string | null>(null);
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
      if (!a || a.target === '_blank' || a.hasAttribute('download')) return;
      const url = new URL(a.href, window.location.href);
      if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return;
      if (url.pathname === window.location.pathname && url.search === window.location.search) return;
      e.preventDefault();
      e.stopPropagation();
      setPending(url.pathname + url.search + url.hash);
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty]);
  return {
    pending,
    stay: () => setPending(null),
    leave: () => {
      const to = pending;
      setPending(null);
      if (to) navigate(to);
    },
  };
}

function CancelModal({ opened, onClose, onConfirm, loading, error }: { opened: boolean; onClose: () => void; onConfirm: (reason: string) => void; loading: boolean; error?: string }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>{t('visitRecord.actions.cancelTitle')}</Text>} centered>
      <Stack gap="sm">
        <Text size="sm">{t('visitRecord.actions.cancelBody')}</Text>
        <Textarea
          label={t('visitRecord.actions.cancelReason')}
          placeholder={t('visitRecord.actions.cancelReasonPlaceholder')}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setLocal(undefined);
          }}
          autosize
          minRows={3}
          maxLength={1000}
          required
          error={local ?? error}
          data-autofocus
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose} disabled={loading}>
            {t('visitRecord.actions.keep')}
          </Button>
          <Button
            color="red"
            loading={loading}
            onClick={() => {
              if (reason.trim().length < 5) setLocal(t('visitRecord.actions.cancelReasonShort'));
              else onConfirm(reason.trim());
            }}
          >
            {t('visitRecord.actions.cancelConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Copies text; falls back to a hidden textarea and execCommand where the Clipboard API is missing (plain http). */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* fall back */
  }
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  document.body.appendChild(ta);
  ta.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  ta.remove();
  return ok;
}

function Outputs({ visit, dirty }: { visit: Visit; dirty: boolean }) {
  const { t } = useTranslation();
  const report = useQuery({
    queryKey: ['visit-report', visit.id, visit.version, visit.updatedAt],
    queryFn: ({ signal }) => fetchActivityReport(visit.id, signal),
  });
  const [downloading, setDownloading] = useState(false);
  const [copied, setCopied] = useState(false);
  const [editingReport, setEditingReport] = useState(false);
  const { data: me } = useMe();
  const textRef = useRef<HTMLDivElement>(null);

  const download = async () => {
    setDownloading(true);
    try {
      await downloadFile(`/visits/${visit.id}/minutes.pdf`, `berita-acara-${visit.date}.pdf`);
    } catch (e) {
      if (!handleAuthError(e)) notifyError(e);
    } finally {
      setDownloading(false);
    }
  };
  const copy = async () => {
    if (!report.data) return;
    if (await copyText(`${report.data.headline}\n\n${report.data.text}`)) {
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    } else {
      const sel = window.getSelection();
      if (sel && textRef.current) {
        const range = document.createRange();
        range.selectNodeContents(textRef.current);
        sel.removeAllRanges();
        sel.addRange(range);
      }
      notifications.show({ color: 'yellow', message: t('visitRecord.outputs.copyFailed') });
    }
  };

  return (
    <Section title={t('visitRecord.sections.outputs')} testId="visit-outputs">
      <Stack gap="md">
        {dirty && (
          <Alert color="yellow" variant="light" p="xs">
            <Text size="sm">{t('visitRecord.outputs.unsavedHint')}</Text>
          </Alert>
        )}
        <div>
          <Button leftSection={<IconFileTypePdf size={18} />} onClick={() => void download()} loading={downloading}>
            {t('visitRecord.outputs.minutes')}
          </Button>
          <Text size="xs" c="dimmed" mt={4}>
            {t('visitRecord.outputs.minutesHint')}
          </Text>
        </div>
        <div>
          <Text fw={600} size="sm">
            {t('visitRecord.outputs.report')}
          </Text>
          <Text size="xs" c="dimmed" mb={6}>
            {t('visitRecord.outputs.reportHint')}
          </Text>
          {report.error ? (
            <ErrorState error={report.error} onRetry={() => void report.refetch()} />
          ) : !report.data ? (
            <Skeleton h={160} />
          ) : (
            <>
              <Paper
                ref={textRef}
                withBorder
                p="md"
                radius="md"
                bg="gray.0"
                className="break-anywhere"
                style={{ whiteSpace: 'pre-wrap', lineHeight: 1.6, maxWidth: '70ch', fontSize: 'var(--mantine-font-size-sm)' }}
                data-testid="activity-report"
              >
                <Text fw={700} size="md" mb="xs" data-testid="activity-report-headline">
                  {report.data.headline}
                </Text>
                {report.data.text}
              </Paper>
              {report.data.edited && (
                <Text size="xs" c="dimmed" mt={4}>
                  {t('papers.report.editedBy', { by: report.data.edited.by, at: formatDateTime(report.data.edited.at) })}
                </Text>
              )}
              <Group gap="xs" mt="sm">
                <Button variant="default" leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />} color={copied ? 'teal' : undefined} onClick={() => void copy()}>
                  {copied ? t('visitRecord.outputs.copied') : t('visitRecord.outputs.copy')}
                </Button>
                <Button
                  component="a"
                  href={report.data.shareUrl}
                  target="_blank"
                  rel="noopener noreferrer"
                  color="green"
                  variant="light"
                  leftSection={<IconBrandWhatsapp size={18} />}
                >
                  {t('visitRecord.outputs.whatsapp')}
                </Button>
                {me && me.role !== 'koperasi' && (
                  <Button variant="subtle" leftSection={<IconPencil size={16} />} onClick={() => setEditingReport(true)} data-testid="activity-report-edit">
                    {t('papers.report.edit')}
                  </Button>
                )}
              </Group>
              {editingReport && <ReportEditor visitId={visit.id} report={report.data} onClose={() => setEditingReport(false)} />}
            </>
          )}
        </div>
      </Stack>
    </Section>
  );
}

function VisitInfo({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" radius="md" data-testid="visit-info">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="sm">
          <Field label={t('visitRecord.info.place')}>
            {t('visitRecord.info.placeValue', { village: visit.cooperative.village.name, district: visit.cooperative.district.name })}
          </Field>
          <Field label={t('visitRecord.info.purposes')}>
            <Group gap={4} mt={2}>
              {visit.purposes.map((p) => (
                <Badge key={p} variant="outline" color="sambang" size="sm" style={{ textTransform: 'none' }}>
                  {t(`visitRecord.purposes.${p}`)}
                </Badge>
              ))}
            </Group>
          </Field>
          <Field label={t('visitRecord.info.program')}>{visit.program?.name ?? t('visitRecord.info.noProgram')}</Field>
          <Field label={t('visitRecord.info.rat')} testId="visit-rat">
            {visit.annualMeeting ? (
              <Anchor component={Link} to={`/koperasi/${visit.cooperative.id}?tab=rat`} size="sm">
                {t('visitRecord.info.ratValue', { year: visit.annualMeeting.fiscalYear, date: formatDate(visit.annualMeeting.heldOn) })}
              </Anchor>
            ) : (
              t('visitRecord.info.noRat')
            )}
          </Field>
        </SimpleGrid>
        <Field label={t('visitRecord.info.team')} testId="visit-team">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="xs" verticalSpacing={6} mt={4}>
            {visit.team.map((m) => (
              <Group key={m.userId} gap={6} wrap="nowrap" align="flex-start">
                {m.leader ? (
                  <IconCrown size={16} color="var(--mantine-color-yellow-7)" style={{ flexShrink: 0, marginTop: 2 }} aria-label={t('visitRecord.info.leader')} />
                ) : (
                  <span style={{ width: 16, flexShrink: 0 }} />
                )}
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={m.leader ? 700 : 500} className="break-anywhere">
                    {m.fullName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {m.leader ? `${t('visitRecord.info.leader')} · ` : ''}
                    {t(`visitRecord.bidang.${m.bidang ?? 'none'}`)}
                  </Text>
                </div>
              </Group>
            ))}
          </SimpleGrid>
        </Field>
        {visit.conflicts.length > 0 && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={t('visitRecord.info.conflictTitle')} p="xs" data-testid="visit-conflicts">
            <Stack gap={2}>
              {visit.conflicts.map((c) => (
                <Text key={c.userId} size="sm">
                  {t('visitRecord.info.conflictLine', { name: c.fullName })}{' '}
                  {c.visits.map((o, i) => (
                    <span key={o.id}>
                      {i > 0 ? ', ' : ''}
                      <Anchor component={Link} to={`/kunjungan/${o.id}`} size="sm" c="dark" underline="always">
                        {o.cooperative.name}
                      </Anchor>
                    </span>
                  ))}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
        {visit.status === 'cancelled' && (
          <Alert color="red" variant="light" icon={<IconBan size={18} />} title={t('visitRecord.info.cancelled')} p="xs">
            <Text size="sm">{t('visitRecord.info.cancelReason', { reason: visit.cancelReason ?? '–' })}</Text>
          </Alert>
        )}
        {(visit.approvedBy || visit.completedAt) && (
          <Group gap="md" wrap="wrap">
            {visit.approvedBy && visit.approvedAt && (
              <Text size="xs" c="dimmed">
                {t('visitRecord.info.approvedBy', { name: visit.approvedBy.fullName, at: formatDateTime(visit.approvedAt) })}
              </Text>
            )}
            {visit.completedAt && (
              <Text size="xs" c="dimmed">
                {t('visitRecord.info.completedAt', { at: formatDateTime(visit.completedAt) })}
              </Text>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function VisitDetail({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const rights = visitRights(me, visit, todayJakarta());

  const checklist = useQuery({ queryKey: ['visit-checklist'], queryFn: ({ signal }) => fetchChecklist(signal), staleTime: Infinity });
  const units = useQuery({ queryKey: ['business-units', visit.cooperative.id], queryFn: ({ signal }) => fetchUnits(visit.cooperative.id, signal), select: (d) => d.items });

  // The record as last loaded from the server (base), and what the user is typing (draft).
  const [base, setBase] = useState<VisitDraft>(() => draftOf(visit));
  const [baseVersion, setBaseVersion] = useState(visit.version);
  const [draft, setDraftState] = useState<VisitDraft>(() => draftOf(visit));
  const [pending, setPending] = useState<PendingPhoto[]>([]);
  const [editing, setEditing] = useState(() => rights.edit && visit.status === 'approved');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);
  const [completeOpen, setCompleteOpen] = useState(false);
  const [cancelOpen, setCancelOpen] = useState(false);
  const [discardOpen, setDiscardOpen] = useState(false);
  const [photoToDelete, setPhotoToDelete] = useState<PhotoMeta | null>(null);
  const draftRef = useRef(draft);
  draftRef.current = draft;

  const recordDirty = useMemo(() => isDirty(base, draft), [base, draft]);
  const dirty = recordDirty || pending.length > 0;
  const guard = useLeaveGuard(dirty);

  const setDraft = useCallback((fn: (d: VisitDraft) => VisitDraft) => {
    setDraftState(fn);
  }, []);
  const clearError = (prefix: string) =>
    setErrors((e) => (Object.keys(e).some((k) => k.startsWith(prefix)) ? Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith(prefix))) : e));

  // A newer server copy (after approve, complete, photos, or a refetch): adopt it when the record
  // itself is unchanged or the user has nothing unsaved; otherwise keep the draft (a save will say
  // it is stale and offer the merge).
  useEffect(() => {
    const server = draftOf(visit);
    if (!isDirty(base, server)) {
      setBaseVersion(visit.version);
      return;
    }
    if (!isDirty(base, draftRef.current)) {
      setBase(server);
      setDraftState(server);
      setBaseVersion(visit.version);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [visit]);

  useEffect(() => {
    if (!rights.edit) setEditing(false);
  }, [rights.edit]);

  const adopt = (v: Visit) => {
    qc.setQueryData(visitKey(v.id), v);
    void qc.invalidateQueries({ queryKey: ['visits'] });
  };

  /** Saves the record, then uploads new photos. Returns the newest visit, or null when something stopped it. */
  const save = async (): Promise<Visit | null> => {
    const local = checkDraft(draft);
    if (Object.keys(local).length) {
      setErrors(local);
      notifications.show({ color: 'red', message: t('visitRecord.record.fixErrors') });
      return null;
    }
    setSaving(true);
    setErrors({});
    let current = visit;
    try {
      const snapshot = draft;
      const body = patchOf(base, snapshot, baseVersion);
      if (body) {
        try {
          current = await saveVisit(visit.id, body);
        } catch (e) {
          if (isVersionConflict(e)) {
            setConflict(true);
            return null;
          }
          if (e instanceof ApiError && Object.keys(e.fields).length) setErrors(e.fields);
          if (!handleAuthError(e)) notifyError(e);
          return null;
        }
        const server = draftOf(current);
        setBase(server);
        setBaseVersion(current.version);
        if (draftRef.current === snapshot) setDraftState(server);
        adopt(current);
      }
      let uploaded = 0;
      for (const p of pending) {
        try {
          await uploadPhoto(visit.id, p);
          uploaded += 1;
          setPending((list) => list.filter((x) => x.id !== p.id));
        } catch (e) {
          if (handleAuthError(e)) return null;
          notifications.show({
            color: 'red',
            autoClose: 9000,
            message: t('visitRecord.record.photoUploadFailed', { name: p.caption || `${p.width} × ${p.height}`, message: e instanceof Error ? e.message : String(e) }),
          });
        }
      }
      if (uploaded) {
        current = await fetchVisit(visit.id);
        adopt(current);
      }
      if (body || uploaded) {
        notifications.show({ color: 'green', message: uploaded ? t('visitRecord.record.savedWithPhotos', { n: uploaded }) : t('visitRecord.record.saved') });
      }
      return current;
    } finally {
      setSaving(false);
    }
  };

  const reloadKeepingDraft = async () => {
    try {
      const latest = await fetchVisit(visit.id);
      const server = draftOf(latest);
      setDraftState(rebaseDraft(base, draftRef.current, server));
      setBase(server);
      setBaseVersion(latest.version);
      qc.setQueryData(visitKey(latest.id), latest);
      setConflict(false);
      notifications.show({ color: 'blue', message: t('visitRecord.record.conflictReloaded') });
    } catch (e) {
      if (!handleAuthError(e)) notifyError(e);
    }
  };

  const approve = useMutation({
    mutationFn: () => approveVisit(visit.id, visit.version),
    onSuccess: (v) => {
      adopt(v);
      notifications.show({ color: 'green', message: t('visitRecord.actions.approved') });
    },
  });
  const complete = useMutation({
    mutationFn: async () => {
      const current = dirty ? await save() : visit;
      if (!current) throw new ApiError(0, 'NOT_SAVED', t('visitRecord.record.unsaved'));
      return completeVisit(visit.id, current.version);
    },
    meta: { silent: true },
    onSuccess: (v) => {
      adopt(v);
      setCompleteOpen(false);
      setEditing(false);
      notifications.show({ color: 'green', message: t('visitRecord.actions.completed') });
    },
    onError: (e) => {
      setCompleteOpen(false);
      if (!(e instanceof ApiError && e.code === 'NOT_SAVED') && !handleAuthError(e)) notifyError(e);
    },
  });
  const cancel = useMutation({
    mutationFn: (reason: string) => cancelVisit(visit.id, reason, visit.version),
    meta: { silent: true },
    onSuccess: (v) => {
      adopt(v);
      setCancelOpen(false);
      setPending([]);
      notifications.show({ color: 'green', message: t('visitRecord.actions.cancelledOk') });
    },
    onError: (e) => {
      if (!(e instanceof ApiError && e.fields.reason) && !handleAuthError(e)) notifyError(e);
    },
  });
  const removePhoto = useMutation({
    mutationFn: (p: PhotoMeta) => deletePhoto(p.id),
    onSuccess: async () => {
      setPhotoToDelete(null);
      notifications.show({ color: 'green', message: t('visitRecord.photos.deleted') });
      adopt(await fetchVisit(visit.id));
    },
    onError: () => setPhotoToDelete(null),
  });

  const readOnly = !editing;
  const readOnlyNote =
    me?.role === 'koperasi'
      ? t('visitRecord.record.readOnlyKoperasi')
      : visit.status === 'cancelled'
        ? t('visitRecord.record.readOnlyCancelled')
        : !rights.edit
          ? t('visitRecord.record.readOnlyPimpinan')
          : null;
  const backTo = me?.role === 'koperasi' ? `/koperasi/${visit.cooperative.id}?tab=kunjungan` : '/kunjungan';

  const actions = (
    <>
      {rights.editPlan && (
        <Button component={Link} to={`/kunjungan/${visit.id}/ubah`} variant="default" leftSection={<IconCalendarEvent size={16} />}>
          {t('visitRecord.actions.editPlan')}
        </Button>
      )}
      {rights.approve && (
        <Button leftSection={<IconClipboardCheck size={16} />} onClick={() => approve.mutate()} loading={approve.isPending}>
          {t('visitRecord.actions.approve')}
        </Button>
      )}
      {rights.complete && (
        <Button color="green" leftSection={<IconCircleCheck size={16} />} onClick={() => setCompleteOpen(true)} data-testid="visit-complete">
          {t('visitRecord.actions.complete')}
        </Button>
      )}
      {rights.cancel && (
        <Button variant="subtle" color="red" leftSection={<IconBan size={16} />} onClick={() => setCancelOpen(true)}>
          {t('visitRecord.actions.cancel')}
        </Button>
      )}
    </>
  );

  const template = checklist.data;
  return (
    <Stack gap="md" pb={editing ? 80 : undefined}>
      <Breadcrumbs separator="›" style={{ flexWrap: 'wrap' }}>
        <Anchor component={Link} to={backTo} size="sm">
          {me?.role === 'koperasi' ? visit.cooperative.name : t('visitRecord.back')}
        </Anchor>
        <Text size="sm" c="dimmed">
          {formatDate(visit.date)}
        </Text>
      </Breadcrumbs>
      <div>
        <PageHeader
          docTitle={[visit.cooperative.name, formatDate(visit.date), t('visits.title')]}
          title={
            <Anchor component={Link} to={`/koperasi/${visit.cooperative.id}`} inherit c="inherit" underline="hover" data-testid="visit-coop">
              {visit.cooperative.name}
            </Anchor>
          }
          subtitle={
            <Group gap={8} wrap="wrap" mt={2}>
              <VisitStatusBadge status={visit.status} />
              <span>
                {dayName(visit.date)}, {formatDate(visit.date)}
                {visit.startTime ? ` · ${hhmm(visit.startTime)}${visit.endTime ? `–${hhmm(visit.endTime)}` : ''} WIB` : ''}
              </span>
            </Group>
          }
          actions={actions}
        />
      </div>

      <VisitInfo visit={visit} />

      {visit.status === 'planned' && rights.edit && (
        <Alert color="blue" variant="light" p="xs">
          <Text size="sm">{t('visitRecord.info.awaitingApproval')}</Text>
        </Alert>
      )}

      {conflict && (
        <Alert color="orange" variant="filled" icon={<IconAlertTriangle size={20} />} title={t('visitRecord.record.conflictTitle')} data-testid="visit-conflict">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('visitRecord.record.conflictBody')}</Text>
            <Button variant="white" color="orange" leftSection={<IconRefresh size={16} />} onClick={() => void reloadKeepingDraft()}>
              {t('visitRecord.record.conflictReload')}
            </Button>
          </Stack>
        </Alert>
      )}

      <Group justify="space-between" align="center" gap="xs" mt="xs">
        <Title order={2} size="h3">
          {t('visitRecord.record.title')}
        </Title>
        {rights.edit && !editing && (
          <Button leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
            {visit.status === 'done' || visit.attendance.length || visit.photos.length ? t('visitRecord.actions.editRecord') : t('visitRecord.actions.record')}
          </Button>
        )}
      </Group>
      {readOnlyNote && (
        <Text size="sm" c="dimmed" mt={-8}>
          {readOnlyNote}
        </Text>
      )}

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Section title={t('visitRecord.sections.attendance')} hint={readOnly ? undefined : t('visitRecord.sections.attendanceHint')} testId="section-attendance">
              <AttendanceEditor
                value={draft.attendance}
                onChange={(attendance) => {
                  setDraft((d) => ({ ...d, attendance }));
                  clearError('attendance');
                }}
                errors={errors}
                readOnly={readOnly}
              />
            </Section>
            <Section title={t('visitRecord.sections.findings')} testId="section-findings">
              <FindingsEditor value={draft.findings} onChange={(findings) => setDraft((d) => ({ ...d, findings }))} errors={errors} readOnly={readOnly} />
            </Section>
            <Section title={t('visitRecord.sections.checklist')} testId="section-checklist">
              {template ? (
                <ChecklistEditor
                  template={template}
                  value={draft.checklist}
                  onChange={(c) => {
                    setDraft((d) => ({ ...d, checklist: c }));
                    clearError('checklist');
                  }}
                  errors={errors}
                  readOnly={readOnly}
                />
              ) : checklist.error ? (
                <ErrorState error={checklist.error} onRetry={() => void checklist.refetch()} />
              ) : (
                <Skeleton h={200} />
              )}
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <Section title={t('visitRecord.sections.photos')} testId="section-photos">
              <PhotoPicker
                value={pending}
                onChange={setPending}
                saved={visit.photos}
                onDeleteSaved={rights.edit ? setPhotoToDelete : undefined}
                readOnly={readOnly}
                cols={{ base: 2, sm: 3, lg: 2 }}
              />
            </Section>
            <Section title={t('visitRecord.sections.gps')} testId="section-gps">
              <GpsField
                value={draft.gps}
                onChange={(gps) => {
                  setDraft((d) => ({ ...d, gps }));
                  clearError('gps');
                }}
                error={errors.gps ?? errors['gps.at']}
                readOnly={readOnly}
              />
            </Section>
            <Section title={t('visitRecord.sections.units')} hint={readOnly ? undefined : t('visitRecord.sections.unitsHint')} testId="section-units">
              {units.data ? (
                <UnitsEditor
                  units={units.data}
                  value={draft.businessUnitIds}
                  onChange={(ids) => {
                    setDraft((d) => ({ ...d, businessUnitIds: ids }));
                    clearError('businessUnitIds');
                  }}
                  error={Object.entries(errors).find(([k]) => k.startsWith('businessUnitIds'))?.[1]}
                  readOnly={readOnly}
                />
              ) : units.error ? (
                <ErrorState error={units.error} onRetry={() => void units.refetch()} />
              ) : (
                <Skeleton h={60} />
              )}
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>

      <Section title={t('visitRecord.sections.dialog')} testId="section-dialog">
        <VisitDialogSection visitId={visit.id} cooperativeId={visit.cooperative.id} canEdit={rights.edit} />
      </Section>

      <Outputs visit={visit} dirty={dirty} />
      <VisitDocuments visit={visit} />

      {editing && (
        <Paper
          withBorder
          shadow="md"
          px="sm"
          py={8}
          radius="md"
          style={{ position: 'sticky', bottom: 8, zIndex: 20 }}
          data-testid="visit-savebar"
        >
          <Group justify="space-between" gap={6} wrap="wrap">
            <Text size="sm" fw={dirty ? 600 : 400} c={dirty ? 'orange.9' : 'dimmed'} style={{ flex: '1 1 160px' }} lh={1.2} data-testid="save-state">
              {dirty ? t('visitRecord.record.unsaved') : t('visitRecord.record.allSaved')}
            </Text>
            <Group gap="xs" wrap="nowrap" style={{ flex: '1 1 auto', justifyContent: 'flex-end' }}>
              {dirty ? (
                <Button variant="default" onClick={() => setDiscardOpen(true)} disabled={saving}>
                  {t('visitRecord.record.discard')}
                </Button>
              ) : (
                <Button variant="default" onClick={() => setEditing(false)}>
                  {t('visitRecord.record.close')}
                </Button>
              )}
              <Button leftSection={<IconDeviceFloppy size={18} />} onClick={() => void save()} loading={saving} disabled={!dirty}>
                {t('visitRecord.record.save')}
              </Button>
            </Group>
          </Group>
        </Paper>
      )}

      <ConfirmModal
        opened={completeOpen}
        onClose={() => setCompleteOpen(false)}
        onConfirm={() => complete.mutate()}
        title={t('visitRecord.actions.completeTitle')}
        confirmLabel={t('visitRecord.actions.complete')}
        color="green"
        loading={complete.isPending}
      >
        {t('visitRecord.actions.completeBody', { date: formatDate(visit.date) })}
        {dirty ? ` ${t('visitRecord.actions.completeSavesFirst')}` : ''}
      </ConfirmModal>
      <CancelModal
        key={cancelOpen ? 'open' : 'closed'}
        opened={cancelOpen}
        onClose={() => setCancelOpen(false)}
        onConfirm={(reason) => cancel.mutate(reason)}
        loading={cancel.isPending}
        error={cancel.error instanceof ApiError ? cancel.error.fields.reason : undefined}
      />
      <ConfirmModal
        opened={discardOpen}
        onClose={() => setDiscardOpen(false)}
        onConfirm={() => {
          setDraftState(base);
          setPending([]);
          setErrors({});
          setDiscardOpen(false);
        }}
        title={t('visitRecord.record.discardTitle')}
        confirmLabel={t('visitRecord.record.discardConfirm')}
      >
        {t('visitRecord.record.discardBody')}
      </ConfirmModal>
      <ConfirmModal
        opened={photoToDelete !== null}
        onClose={() => setPhotoToDelete(null)}
        onConfirm={() => photoToDelete && removePhoto.mutate(photoToDelete)}
        title={t('visitRecord.photos.deleteTitle')}
        loading={removePhoto.isPending}
      >
        {t('visitRecord.photos.deleteBody')}
      </ConfirmModal>
      <ConfirmModal
        opened={guard.pending !== null}
        onClose={guard.stay}
        onConfirm={guard.leave}
        title={t('visitRecord.record.leaveTitle')}
        confirmLabel={t('visitRecord.record.leaveConfirm')}
      >
        {t('visitRecord.record.leaveBody')}
      </ConfirmModal>
    </Stack>
  );
}

export default function VisitPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams<{ id: string }>();
  const q = useQuery({ queryKey: visitKey(id), queryFn: ({ signal }) => fetchVisit(id, signal), meta: { silent: true } });
  if (q.error) {
    if (q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 403 || q.error.status === 400)) {
      return (
        <Alert color="gray" variant="light" title={t('visitRecord.notFound')}>
          <Anchor component={Link} to="/">
            {t('common.back')}
          </Anchor>
        </Alert>
      );
    }
    return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  }
  if (!q.data) {
    return (
      <Stack gap="md">
        <Skeleton h={60} />
        <Skeleton h={180} />
        <Skeleton h={320} />
      </Stack>
    );
  }
  return <VisitDetail key={id} visit={q.data} />;
}
