import { useEffect, useRef, useState, type Dispatch, type RefObject, type SetStateAction } from 'react';
import { Button, CloseButton, FileButton, Group, Image, Loader, Stack, Text } from '@mantine/core';
import { IconCamera } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { compressPhoto } from '../../lib/dialog';

export interface EvidencePhoto {
  blob: Blob;
  url: string;
  original: number;
}

function formatSize(bytes: number) {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** An evidence photo compressed in the browser; its preview URL is released when it goes. */
export function useEvidencePhoto(setErrors: Dispatch<SetStateAction<Record<string, string>>>) {
  const [photo, setPhoto] = useState<EvidencePhoto | null>(null);
  const [compressing, setCompressing] = useState(false);
  const resetRef = useRef<() => void>(null);

  useEffect(
    () => () => {
      if (photo) URL.revokeObjectURL(photo.url);
    },
    [photo],
  );

  const pick = async (file: File | null) => {
    if (!file) return;
    setErrors(({ file: _f, 'evidence.photoId': _p, ...rest }) => rest);
    setCompressing(true);
    try {
      const blob = await compressPhoto(file);
      setPhoto({ blob, url: URL.createObjectURL(blob), original: file.size });
    } catch (e) {
      setErrors((x) => ({ ...x, file: e instanceof Error ? e.message : String(e) }));
    } finally {
      setCompressing(false);
      resetRef.current?.();
    }
  };

  return { photo, setPhoto, compressing, pick, resetRef };
}

/** The optional evidence photo: a pick button (busy while compressing), or the preview with its size and remove. */
export function EvidencePhotoField({
  photo,
  compressing,
  onPick,
  onRemove,
  resetRef,
  error,
}: {
  photo: EvidencePhoto | null;
  compressing: boolean;
  onPick: (file: File | null) => void;
  onRemove: () => void;
  resetRef: RefObject<(() => void) | null>;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('dialog.evidencePhoto')}{' '}
        <Text span c="dimmed" size="xs">
          ({t('common.optional')})
        </Text>
      </Text>
      {photo ? (
        <Group gap="sm" wrap="nowrap" align="center">
          <Image
            src={photo.url}
            w={88}
            h={88}
            radius="sm"
            fit="cover"
            alt={t('dialog.evidencePhoto')}
            data-testid="evidence-preview"
          />
          <Text size="xs" c="dimmed" style={{ flex: 1 }}>
            {t('dialog.photoReady', { size: formatSize(photo.blob.size) })}
          </Text>
          <CloseButton aria-label={t('dialog.photoRemove')} onClick={onRemove} size="lg" />
        </Group>
      ) : (
        <FileButton onChange={onPick} accept="image/jpeg,image/png,image/webp" resetRef={resetRef}>
          {(props) => (
            <Button
              {...props}
              variant="default"
              leftSection={compressing ? <Loader size={14} /> : <IconCamera size={16} />}
              disabled={compressing}
              data-testid="evidence-photo-button"
              h={44}
            >
              {compressing ? t('dialog.photoCompressing') : t('dialog.photoPick')}
            </Button>
          )}
        </FileButton>
      )}
      {error && (
        <Text size="xs" c="red.8">
          {error}
        </Text>
      )}
    </Stack>
  );
}
