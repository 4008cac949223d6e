import { useEffect, useRef, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Image,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconCamera, IconPhoto, IconTrash, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import '../../i18n/visit-record';
import { compressImage, formatBytes, ImageError } from '../../lib/image';
import { formatDateTime } from '../../lib/format';
import { newId, type PendingPhoto, type PhotoMeta } from '../../lib/visit-record';

function PendingThumb({
  photo,
  onCaption,
  onRemove,
}: {
  photo: PendingPhoto;
  onCaption: (c: string) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const u = URL.createObjectURL(photo.blob);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [photo.blob]);
  return (
    <Paper withBorder radius="md" p={6} data-testid="photo-pending">
      <Box pos="relative">
        {url && (
          <Image src={url} alt={photo.caption || t('visitRecord.photos.pending')} h={140} fit="cover" radius="sm" />
        )}
        <Badge
          pos="absolute"
          bottom={6}
          left={6}
          color="orange"
          variant="filled"
          size="sm"
          style={{ textTransform: 'none' }}
        >
          {t('visitRecord.photos.pending')}
        </Badge>
        <ActionIcon
          pos="absolute"
          top={4}
          right={4}
          variant="filled"
          color="dark"
          size={36}
          radius="xl"
          onClick={onRemove}
          aria-label={t('visitRecord.photos.removePending')}
        >
          <IconX size={18} />
        </ActionIcon>
      </Box>
      <Text size="xs" c="dimmed" mt={4} lh={1.3}>
        {photo.width} × {photo.height} px ·{' '}
        {t('visitRecord.photos.compressed', {
          from: formatBytes(photo.originalBytes),
          to: formatBytes(photo.blob.size),
        })}
      </Text>
      <TextInput
        mt={4}
        size="sm"
        aria-label={t('visitRecord.photos.caption')}
        placeholder={t('visitRecord.photos.captionPlaceholder')}
        value={photo.caption}
        onChange={(e) => onCaption(e.currentTarget.value)}
        maxLength={300}
      />
    </Paper>
  );
}

function SavedThumb({ photo, onDelete }: { photo: PhotoMeta; onDelete?: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p={6} data-testid="photo-saved">
      <Box pos="relative">
        <Anchor href={photo.url} target="_blank" rel="noopener" aria-label={t('visitRecord.photos.open')}>
          <Image
            src={photo.thumbnailUrl}
            alt={photo.caption ?? t('visitRecord.photos.noCaption')}
            h={140}
            fit="cover"
            radius="sm"
            loading="lazy"
          />
        </Anchor>
        {onDelete && (
          <ActionIcon
            pos="absolute"
            top={4}
            right={4}
            variant="filled"
            color="red"
            size={36}
            radius="xl"
            onClick={onDelete}
            aria-label={t('visitRecord.photos.remove')}
          >
            <IconTrash size={18} />
          </ActionIcon>
        )}
      </Box>
      <Text
        size="sm"
        mt={4}
        c={photo.caption ? undefined : 'dimmed'}
        className="break-anywhere"
        lineClamp={3}
        data-testid="photo-caption"
      >
        {photo.caption || t('visitRecord.photos.noCaption')}
      </Text>
      {photo.takenAt && (
        <Text size="xs" c="dimmed">
          {t('visitRecord.photos.takenAt', { at: formatDateTime(photo.takenAt) })}
        </Text>
      )}
    </Paper>
  );
}

/**
 * Photos of the visit: taken with the camera or chosen from the gallery, compressed in the browser
 * (lib/image.ts), kept as Blobs in `value` until the page (or field mode's outbox) uploads them.
 * `saved` are the photos already on the server; deleting one is the page's business (`onDeleteSaved`).
 */
export function PhotoPicker({
  value,
  onChange,
  saved = [],
  onDeleteSaved,
  readOnly = false,
  cols = { base: 2, sm: 3, lg: 4 },
}: {
  value: PendingPhoto[];
  onChange: (next: PendingPhoto[]) => void;
  saved?: PhotoMeta[];
  onDeleteSaved?: (photo: PhotoMeta) => void;
  readOnly?: boolean;
  /** Thumbnails per row by breakpoint (narrower in a side column). */
  cols?: Partial<Record<'base' | 'xs' | 'sm' | 'md' | 'lg' | 'xl', number>>;
}) {
  const { t } = useTranslation();
  const camera = useRef<HTMLInputElement>(null);
  const gallery = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(0);
  const [errors, setErrors] = useState<string[]>([]);
  // Several files compress one after another; each adds to the latest list, not a stale one.
  const valueRef = useRef(value);
  valueRef.current = value;

  const addFiles = async (list: File[]) => {
    if (list.length === 0) return;
    setErrors([]);
    setBusy((n) => n + list.length);
    for (const file of list) {
      try {
        const c = await compressImage(file);
        const photo: PendingPhoto = {
          id: newId(),
          blob: c.blob,
          caption: '',
          takenAt: new Date(file.lastModified || Date.now()).toISOString(),
          width: c.width,
          height: c.height,
          originalBytes: c.originalBytes,
        };
        // A photo's own date can be later than now on a phone with a wrong clock: the server refuses that.
        if (Date.parse(photo.takenAt) > Date.now()) photo.takenAt = new Date().toISOString();
        onChange([...valueRef.current, photo]);
        valueRef.current = [...valueRef.current, photo];
      } catch (e) {
        const msg = e instanceof ImageError ? e.message : String(e);
        setErrors((prev) => [...prev, `${file.name}: ${msg}`]);
      } finally {
        setBusy((n) => n - 1);
      }
    }
  };

  const empty = saved.length === 0 && value.length === 0;
  return (
    <Stack gap="xs" data-testid="photo-picker">
      {empty && busy === 0 && (
        <Text size="sm" c="dimmed">
          {t('visitRecord.photos.none')}
        </Text>
      )}
      {(!empty || busy > 0) && (
        <SimpleGrid cols={cols} spacing="xs">
          {saved.map((p) => (
            <SavedThumb
              key={p.id}
              photo={p}
              onDelete={!readOnly && onDeleteSaved ? () => onDeleteSaved(p) : undefined}
            />
          ))}
          {value.map((p) => (
            <PendingThumb
              key={p.id}
              photo={p}
              onCaption={(caption) => onChange(value.map((x) => (x.id === p.id ? { ...x, caption } : x)))}
              onRemove={() => onChange(value.filter((x) => x.id !== p.id))}
            />
          ))}
          {busy > 0 && (
            <Paper withBorder radius="md" p="xs" h={140} style={{ display: 'grid', placeItems: 'center' }}>
              <Stack gap={4} align="center">
                <Loader size="sm" />
                <Text size="xs" c="dimmed">
                  {t('visitRecord.photos.compressing')}
                </Text>
              </Stack>
            </Paper>
          )}
        </SimpleGrid>
      )}
      {errors.map((e) => (
        <Alert key={e} color="red" variant="light" p="xs" data-testid="photo-error">
          <Text size="sm">{e}</Text>
        </Alert>
      ))}
      {!readOnly && (
        <>
          <Group gap="xs">
            <Button leftSection={<IconCamera size={16} />} variant="light" onClick={() => camera.current?.click()}>
              {t('visitRecord.photos.take')}
            </Button>
            <Button leftSection={<IconPhoto size={16} />} variant="default" onClick={() => gallery.current?.click()}>
              {t('visitRecord.photos.pick')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('visitRecord.photos.hint')}
          </Text>
          <input
            ref={camera}
            type="file"
            accept="image/*"
            capture="environment"
            hidden
            data-testid="photo-camera-input"
            onChange={(e) => {
              const files = [...(e.currentTarget.files ?? [])];
              e.currentTarget.value = '';
              void addFiles(files);
            }}
          />
          <input
            ref={gallery}
            type="file"
            accept="image/*"
            multiple
            hidden
            data-testid="photo-gallery-input"
            onChange={(e) => {
              const files = [...(e.currentTarget.files ?? [])];
              e.currentTarget.value = '';
              void addFiles(files);
            }}
          />
        </>
      )}
    </Stack>
  );
}
