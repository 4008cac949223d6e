import { Button, Group, type MantineSpacing } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The "Batal / Simpan" row at the foot of a form in a modal; the save button submits the form. */
export function FormActions({
  onCancel,
  loading,
  mt,
  submitTestId,
}: {
  onCancel: () => void;
  loading: boolean;
  mt?: MantineSpacing;
  submitTestId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="xs" mt={mt}>
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={loading} data-testid={submitTestId}>
        {t('common.save')}
      </Button>
    </Group>
  );
}
