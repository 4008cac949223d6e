import '../i18n/papers';
import { DOCUMENT_STATUSES } from '@domain/documents/codes';
import { Button, Card, Group, Select, SimpleGrid, Skeleton, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { buildQuery } from '../lib/api';
import { downloadFile } from '../lib/download';
import { useDocuments, useRegisters } from '../lib/papers';
import { useUrlParams } from '../lib/useUrlParams';
import { EmptyText, ErrorState, ListPagination, PageHeader, useDebounced } from '../components/common';
import { DocumentTable } from '../components/papers/DocumentTable';

const PAGE_SIZE = 25;
const KEYS = ['kind', 'year', 'status', 'q'] as const;

/** The register of official documents (issue 12 point 7): every numbered paper, with filters and XLSX. */
export default function DocumentsPage() {
  const { t } = useTranslation();
  const { values: params, set, page } = useUrlParams(KEYS);
  const setPage = (p: number) => set({ page: p });
  const registers = useRegisters();
  const search = useDebounced(params.q ?? '', 300);
  const filters = {
    kind: params.kind || undefined,
    year: params.year || undefined,
    status: params.status || undefined,
    search: search || undefined,
  };
  const docs = useDocuments({ ...filters, page, pageSize: PAGE_SIZE });
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i));
  const exportXlsx = () =>
    downloadFile(`/documents/export.xlsx${buildQuery(filters)}`, 'register-dokumen.xlsx').catch((e: Error) =>
      notifications.show({ color: 'red', message: e.message }),
    );

  return (
    <Stack gap="md">
      <PageHeader
        title={t('papers.register.title')}
        subtitle={t('papers.register.subtitle')}
        actions={
          <Button
            variant="light"
            leftSection={<IconDownload size={18} />}
            onClick={() => void exportXlsx()}
            data-testid="register-export"
          >
            {t('papers.register.export')}
          </Button>
        }
      />
      <Card withBorder padding="sm">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <Select
            label={t('papers.register.kind')}
            placeholder={t('papers.register.all')}
            clearable
            data={(registers.data ?? []).map((r) => ({ value: r.kind, label: r.name }))}
            value={params.kind || null}
            onChange={(v) => set({ kind: v ?? '' })}
          />
          <Select
            label={t('papers.register.year')}
            placeholder={t('papers.register.all')}
            clearable
            data={years}
            value={params.year || null}
            onChange={(v) => set({ year: v ?? '' })}
          />
          <Select
            label={t('papers.register.status')}
            placeholder={t('papers.register.all')}
            clearable
            data={DOCUMENT_STATUSES.map((s) => ({
              value: s,
              label: t(`papers.status.${s}`),
            }))}
            value={params.status || null}
            onChange={(v) => set({ status: v ?? '' })}
          />
          <TextInput
            label={t('papers.register.search')}
            leftSection={<IconSearch size={16} />}
            value={params.q ?? ''}
            onChange={(e) => set({ q: e.currentTarget.value })}
          />
        </SimpleGrid>
      </Card>
      {docs.isPending ? (
        <Skeleton h={200} />
      ) : docs.isError ? (
        <ErrorState error={docs.error} onRetry={() => void docs.refetch()} />
      ) : docs.data.items.length === 0 ? (
        <EmptyText>{t('papers.register.empty')}</EmptyText>
      ) : (
        <Card withBorder padding={0}>
          <DocumentTable docs={docs.data.items} />
        </Card>
      )}
      {docs.data && (
        <Group justify="center">
          <ListPagination page={page} pageSize={PAGE_SIZE} total={docs.data.total} onChange={setPage} />
        </Group>
      )}
    </Stack>
  );
}
