import '../i18n/papers';
import { useState } from 'react';
import {
  Alert,
  Badge,
  Box,
  Center,
  FileButton,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileSearch, IconRosetteDiscountCheck } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError, get } from '../lib/api';
import { formatDateTime } from '../lib/format';
import { sendBytes, STATUS_COLORS, type Verification } from '../lib/papers';
import { Logo } from '../components/Brand';

/**
 * The public page a document's QR code opens (no login): what the document is, whether it is
 * current, and a byte-for-byte check of a PDF the visitor holds. Shows only what the document prints.
 */
export default function VerifyPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const info = useQuery({
    queryKey: ['verify', code],
    queryFn: () => get<Verification>(`/public/verify/${encodeURIComponent(code)}`),
    retry: false,
    meta: { silent: true },
  });
  const [fileName, setFileName] = useState<string | null>(null);
  const check = useMutation({
    mutationFn: (file: File) =>
      sendBytes<{ genuine: boolean }>('POST', `/public/verify/${encodeURIComponent(code)}`, file, 'application/pdf'),
    meta: { silent: true },
  });
  const v = info.data;
  const notFound = info.error instanceof ApiError && info.error.status === 404;

  return (
    <Box mih="100vh" bg="gray.0" py={{ base: 'md', sm: 48 }} px="md">
      <Center>
        <Stack w="100%" maw={560} gap="md">
          <Group gap="sm" wrap="nowrap">
            <Logo size={44} />
            <div>
              <Title order={1} size="h3">
                {t('papers.verify.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('papers.verify.intro')}
              </Text>
            </div>
          </Group>
          <Paper withBorder p="md" radius="md">
            <Text size="sm" c="dimmed">
              {t('papers.verify.code')}
            </Text>
            <Text fw={700} ff="monospace" size="lg" style={{ letterSpacing: 2 }} data-testid="verify-code">
              {code.toUpperCase()}
            </Text>
          </Paper>
          {info.isPending && (
            <Center py="lg">
              <Loader />
            </Center>
          )}
          {(notFound || (info.isError && !notFound)) && (
            <Alert color="red" icon={<IconAlertTriangle />} data-testid="verify-result">
              {notFound ? t('papers.verify.notFound') : (info.error as Error).message}
            </Alert>
          )}
          {v && (
            <>
              <Alert
                color={STATUS_COLORS[v.status]}
                icon={v.status === 'CURRENT' ? <IconRosetteDiscountCheck /> : <IconAlertTriangle />}
                data-testid="verify-result"
                title={
                  v.status === 'CURRENT'
                    ? t('papers.verify.confirmed')
                    : v.status === 'SUPERSEDED'
                      ? t('papers.verify.superseded')
                      : t('papers.verify.cancelled')
                }
              >
                {v.kindLabel} · {v.number}
              </Alert>
              <Paper withBorder radius="md">
                <Table variant="vertical" layout="fixed" withRowBorders>
                  <Table.Tbody>
                    <Table.Tr>
                      <Table.Th w={140}>{t('papers.verify.kind')}</Table.Th>
                      <Table.Td>{v.kindLabel}</Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th>{t('papers.verify.number')}</Table.Th>
                      <Table.Td className="break-anywhere">{v.number}</Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th>{t('papers.verify.date')}</Table.Th>
                      <Table.Td>{formatDateTime(v.issuedAt)}</Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th>{t('papers.verify.office')}</Table.Th>
                      <Table.Td>{v.office}</Table.Td>
                    </Table.Tr>
                    {v.cooperative && (
                      <Table.Tr>
                        <Table.Th>{t('papers.verify.cooperative')}</Table.Th>
                        <Table.Td>{v.cooperative}</Table.Td>
                      </Table.Tr>
                    )}
                    <Table.Tr>
                      <Table.Th>{t('papers.verify.status')}</Table.Th>
                      <Table.Td>
                        <Badge color={STATUS_COLORS[v.status]} variant="light" data-testid="verify-status">
                          {v.statusLabel}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  </Table.Tbody>
                </Table>
              </Paper>
              <Paper withBorder p="md" radius="md">
                <Stack gap="xs">
                  <Text fw={600}>{t('papers.verify.fileTitle')}</Text>
                  <Text size="sm" c="dimmed">
                    {t('papers.verify.fileHint')}
                  </Text>
                  <Group>
                    <FileButton
                      accept="application/pdf"
                      onChange={(f) => {
                        if (!f) return;
                        setFileName(f.name);
                        check.mutate(f);
                      }}
                    >
                      {(props) => (
                        <Button
                          {...props}
                          leftSection={<IconFileSearch size={18} />}
                          loading={check.isPending}
                          variant="light"
                          data-testid="verify-pick"
                        >
                          {t('papers.verify.pick')}
                        </Button>
                      )}
                    </FileButton>
                    {fileName && (
                      <Text size="sm" c="dimmed" className="break-anywhere">
                        {fileName}
                      </Text>
                    )}
                  </Group>
                  {check.data && (
                    <Alert
                      color={check.data.genuine ? 'green' : 'red'}
                      icon={check.data.genuine ? <IconCircleCheck /> : <IconAlertTriangle />}
                      data-testid="verify-file-result"
                    >
                      {check.data.genuine ? t('papers.verify.genuine') : t('papers.verify.notGenuine')}
                    </Alert>
                  )}
                  {check.error && <Alert color="red">{(check.error as Error).message}</Alert>}
                </Stack>
              </Paper>
            </>
          )}
        </Stack>
      </Center>
    </Box>
  );
}
