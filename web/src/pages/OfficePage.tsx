import '../i18n/papers';
import { type FormEvent, useEffect, useState } from 'react';
import {
  Button,
  Card,
  FileButton,
  Group,
  Image,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, get, patch } from '../lib/api';
import { type Office, sendBytes, useRegisters } from '../lib/papers';
import { ErrorState, PageHeader } from '../components/common';
import { RegisterRow, NewKind } from '../features/offices/Registers';

type Form = Record<
  | 'name'
  | 'shortName'
  | 'government'
  | 'address'
  | 'city'
  | 'phone'
  | 'email'
  | 'website'
  | 'headName'
  | 'headNip'
  | 'headRank'
  | 'headPosition'
  | 'legalBasis',
  string
>;

const toForm = (o: Office): Form => ({
  name: o.name,
  shortName: o.shortName,
  government: o.government,
  address: o.address,
  city: o.city,
  phone: o.phone ?? '',
  email: o.email ?? '',
  website: o.website ?? '',
  headName: o.headName ?? '',
  headNip: o.headNip ?? '',
  headRank: o.headRank ?? '',
  headPosition: o.headPosition ?? '',
  legalBasis: o.legalBasis.join('\n'),
});

/** The office profile (issue 11 point 2) and its letter registers (issue 12 point 2), for admins. */
export default function OfficePage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const office = useQuery({ queryKey: ['office'], queryFn: () => get<Office>('/offices/current') });
  const registers = useRegisters();
  const [form, setForm] = useState<Form | null>(null);
  const [logoVersion, setLogoVersion] = useState(0);
  useEffect(() => {
    if (office.data) setForm(toForm(office.data));
  }, [office.data]);

  const save = useMutation({
    mutationFn: (f: Form) =>
      patch<Office>(`/offices/${office.data!.id}`, {
        name: f.name,
        shortName: f.shortName,
        government: f.government,
        address: f.address,
        city: f.city,
        phone: f.phone,
        email: f.email,
        website: f.website,
        headName: f.headName,
        headNip: f.headNip,
        headRank: f.headRank,
        headPosition: f.headPosition,
        legalBasis: f.legalBasis
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
        version: office.data!.version,
      }),
    onSuccess: (o) => {
      qc.setQueryData(['office'], o);
      void qc.invalidateQueries({ queryKey: ['meta'] });
      notifications.show({ color: 'green', message: t('papers.office.saved') });
    },
  });
  const logo = useMutation({
    mutationFn: (file: File) =>
      sendBytes<Office>('PUT', `/offices/${office.data!.id}/logo`, file, file.type || 'image/png'),
    onSuccess: (o) => {
      qc.setQueryData(['office'], o);
      setLogoVersion((v) => v + 1);
      notifications.show({ color: 'green', message: t('papers.office.logoSaved') });
    },
    onError: (e) => notifications.show({ color: 'red', message: (e as Error).message }),
  });

  if (office.isError) return <ErrorState error={office.error} onRetry={() => void office.refetch()} />;
  if (!office.data || !form) return <Skeleton h={400} />;
  const errors = save.error instanceof ApiError ? save.error.fields : {};
  const field = (k: keyof Form, extra: Record<string, unknown> = {}) => ({
    label: t(`papers.office.${k}`),
    value: form[k],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setForm((f) => (f ? { ...f, [k]: value } : f));
    },
    error: errors[k],
    ...extra,
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(form);
  };

  return (
    <Stack gap="md">
      <PageHeader title={t('papers.office.title')} subtitle={t('papers.office.subtitle')} />
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Card withBorder>
            <Title order={2} size="h4" mb="sm">
              {t('papers.office.identity')}
            </Title>
            <Group align="flex-start" gap="lg" wrap="wrap">
              <Stack gap={6} align="center" w={140}>
                {office.data.hasLogo ? (
                  <Image
                    src={`/api/v1/offices/${office.data.id}/logo?v=${office.data.version}-${logoVersion}`}
                    alt={t('papers.office.logo')}
                    w={96}
                    h={110}
                    fit="contain"
                  />
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('papers.office.noLogo')}
                  </Text>
                )}
                <FileButton accept="image/png,image/jpeg" onChange={(f) => f && logo.mutate(f)}>
                  {(props) => (
                    <Button
                      {...props}
                      size="xs"
                      variant="light"
                      leftSection={<IconUpload size={14} />}
                      loading={logo.isPending}
                    >
                      {t('papers.office.logoUpload')}
                    </Button>
                  )}
                </FileButton>
                <Text size="xs" c="dimmed" ta="center">
                  {t('papers.office.logoHint')}
                </Text>
              </Stack>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" style={{ flex: 1, minWidth: 260 }}>
                <TextInput {...field('government', { description: t('papers.office.governmentHint') })} required />
                <TextInput {...field('name', { description: t('papers.office.nameHint') })} required />
                <TextInput {...field('shortName')} required />
                <TextInput {...field('city')} required />
                <TextInput {...field('address')} required />
                <TextInput {...field('phone')} />
                <TextInput {...field('email')} />
                <TextInput {...field('website')} />
              </SimpleGrid>
            </Group>
          </Card>
          <Card withBorder>
            <Title order={2} size="h4" mb="sm">
              {t('papers.office.head')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput {...field('headName')} />
              <TextInput {...field('headNip', { description: '18 angka', inputMode: 'numeric' })} />
              <TextInput {...field('headRank')} />
              <TextInput {...field('headPosition')} />
            </SimpleGrid>
            <Textarea
              mt="sm"
              autosize
              minRows={3}
              {...field('legalBasis', { description: t('papers.office.legalBasisHint') })}
            />
          </Card>
          <Group justify="flex-end">
            <Button type="submit" leftSection={<IconDeviceFloppy size={18} />} loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Card withBorder>
        <Title order={2} size="h4">
          {t('papers.office.registers')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('papers.office.registersHint')}
        </Text>
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('papers.office.kindCol')}</Table.Th>
                <Table.Th>{t('papers.office.patternCol')}</Table.Th>
                <Table.Th>{t('papers.office.nextCol')}</Table.Th>
                <Table.Th ta="right">{t('papers.office.lastCol')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(registers.data ?? []).map((r) => (
                <RegisterRow key={`${r.kind}-${r.pattern}`} r={r} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Stack mt="md">
          <NewKind />
        </Stack>
      </Card>
    </Stack>
  );
}
