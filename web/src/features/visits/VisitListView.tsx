import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import '../../lib/dates';
import { formatDate, formatNumber } from '../../lib/format';
import { formatShortWeekday, useVisits, type VisitFilters } from '../../lib/visits';
import { ListResults, ListTable } from '../../components/ListScaffold';
import { ApproveButton, ConflictFlag, PurposeChips, TeamLine, VisitStatusBadge } from '../../components/visits';

import { VisitCard, timeText } from './VisitCard';

const PAGE_SIZE = 20;

/** The visits as a paged list: cards on a phone, a table on wider screens. */
export function VisitListView({
  filters,
  page,
  onPage,
  isMobile,
  filtered,
}: {
  filters: VisitFilters;
  page: number;
  onPage: (p: number) => void;
  isMobile: boolean;
  filtered: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const query = useVisits({ ...filters, page, pageSize: PAGE_SIZE });
  return (
    <ListResults
      query={query}
      page={page}
      pageSize={PAGE_SIZE}
      onPage={onPage}
      skeleton={{ rows: 6, height: 72 }}
      empty={filtered ? t('visits.noneFiltered') : t('visits.none')}
      head={(data) => (
        <Text size="sm" fw={600} c="dark.4" mb="xs" data-testid="visit-total">
          {t('visits.count', { n: formatNumber(data.total) })}
        </Text>
      )}
    >
      {(items) =>
        isMobile ? (
          <Stack gap="xs" data-testid="visit-list">
            {items.map((v) => (
              <VisitCard key={v.id} visit={v} />
            ))}
          </Stack>
        ) : (
          <ListTable
            minWidth={960}
            data-testid="visit-list"
            columns={[
              { label: t('visits.columns.date'), w: 140 },
              { label: t('visits.columns.cooperative') },
              { label: t('visits.columns.purposes') },
              { label: t('visits.columns.team') },
              { label: t('visits.columns.status'), w: 150 },
            ]}
          >
            {items.map((v) => (
              <Table.Tr
                key={v.id}
                className="coop-row"
                onClick={() => navigate(`/kunjungan/${v.id}`)}
                data-testid="visit-item"
                data-visit-id={v.id}
              >
                <Table.Td>
                  <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(v.date)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatShortWeekday(v.date)}
                    {timeText(v) ? ` · ${timeText(v)}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td maw={280}>
                  <Anchor
                    component={Link}
                    to={`/kunjungan/${v.id}`}
                    fw={600}
                    size="sm"
                    onClick={(e) => e.stopPropagation()}
                    className="break-anywhere"
                  >
                    {v.cooperative.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    Kec. {v.cooperative.district.name}
                  </Text>
                </Table.Td>
                <Table.Td maw={220}>
                  <PurposeChips purposes={v.purposes} size="xs" />
                </Table.Td>
                <Table.Td maw={300}>
                  <TeamLine team={v.team} full />
                </Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <VisitStatusBadge status={v.status} />
                    <ConflictFlag conflicts={v.conflicts} />
                    {v.can.approve && v.status === 'planned' && <ApproveButton visit={v} />}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )
      }
    </ListResults>
  );
}
