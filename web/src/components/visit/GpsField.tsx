import { useState } from 'react';
import { Alert, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCurrentLocation, IconMapPinOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import '../../i18n/visit-record';
import { formatDateTime, formatNumber } from '../../lib/format';
import type { GpsFix } from '../../lib/visit-record';
import { Field } from '../Field';

const WEAK_METERS = 100;
/** The server accepts accuracy up to 100 km; a worse fix is no position at all. */
const MAX_ACCURACY = 100_000;

type GpsError = 'denied' | 'unavailable' | 'timeout' | 'unsupported' | 'insecure';

/** Reads the device position once. Resolves a fix or rejects with one of the error kinds above. */
export function readPosition(): Promise<GpsFix> {
  return new Promise((resolve, reject) => {
    if (typeof window !== 'undefined' && window.isSecureContext === false) return reject('insecure' satisfies GpsError);
    if (typeof navigator === 'undefined' || !navigator.geolocation) return reject('unsupported' satisfies GpsError);
    navigator.geolocation.getCurrentPosition(
      (p) =>
        resolve({
          lat: Math.round(p.coords.latitude * 1e6) / 1e6,
          lng: Math.round(p.coords.longitude * 1e6) / 1e6,
          accuracy: Number.isFinite(p.coords.accuracy)
            ? Math.min(MAX_ACCURACY, Math.round(p.coords.accuracy * 10) / 10)
            : null,
          at: new Date(p.timestamp || Date.now()).toISOString(),
        }),
      (e) =>
        reject(
          (e.code === e.PERMISSION_DENIED
            ? 'denied'
            : e.code === e.TIMEOUT
              ? 'timeout'
              : 'unavailable') satisfies GpsError,
        ),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 30_000 },
    );
  });
}

/** GPS position and time of the visit. Controlled; the only outside call is the device's own GPS. */
export function GpsField({
  value,
  onChange,
  error,
  readOnly = false,
}: {
  value: GpsFix | null;
  onChange: (next: GpsFix | null) => void;
  error?: string;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<GpsError | null>(null);

  const take = async () => {
    setBusy(true);
    setProblem(null);
    try {
      onChange(await readPosition());
    } catch (e) {
      setProblem(typeof e === 'string' ? (e as GpsError) : 'unavailable');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="xs" data-testid="gps-field">
      {value ? (
        <Stack gap="xs">
          <Field label={t('visitRecord.gps.coords')} testId="gps-coords">
            <span className="tabular-nums">
              {value.lat.toFixed(5)}, {value.lng.toFixed(5)}
            </span>
          </Field>
          <SimpleGrid cols={2} spacing="xs">
            <Field label={t('visitRecord.gps.accuracy')} testId="gps-accuracy">
              {value.accuracy !== null
                ? t('visitRecord.gps.accuracyValue', { m: formatNumber(Math.round(value.accuracy)) })
                : null}
            </Field>
            <Field label={t('visitRecord.gps.at')}>{value.at ? formatDateTime(value.at) : null}</Field>
          </SimpleGrid>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('visitRecord.gps.none')}
        </Text>
      )}
      {value && value.accuracy !== null && value.accuracy > WEAK_METERS && !readOnly && (
        <Text size="xs" c="orange.9">
          {t('visitRecord.gps.weak')}
        </Text>
      )}
      {problem && (
        <Alert
          color={problem === 'denied' ? 'orange' : 'yellow'}
          variant="light"
          icon={<IconMapPinOff size={18} />}
          p="xs"
          data-testid="gps-problem"
        >
          <Text size="sm">{t(`visitRecord.gps.${problem}`)}</Text>
        </Alert>
      )}
      {error && (
        <Text size="sm" c="red">
          {error}
        </Text>
      )}
      {!readOnly && (
        <Group gap="xs">
          <Button
            variant="light"
            leftSection={<IconCurrentLocation size={16} />}
            onClick={() => void take()}
            loading={busy}
          >
            {value ? t('visitRecord.gps.retake') : t('visitRecord.gps.take')}
          </Button>
          {value && (
            <Button variant="subtle" color="gray" onClick={() => onChange(null)}>
              {t('visitRecord.gps.clear')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
