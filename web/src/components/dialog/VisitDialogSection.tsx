// Placeholder: the dialog of a visit (concerns raised in it and their recommendations) is built by
// another helper in this exact file, with this exact signature. Replace this file.
import { Text } from '@mantine/core';

export function VisitDialogSection(props: { visitId: string; cooperativeId: string; canEdit: boolean }) {
  void props;
  return (
    <Text size="sm" c="dimmed" data-testid="visit-dialog-placeholder">
      Bagian dialog (masalah, keluhan, tantangan dan rekomendasinya) sedang disiapkan.
    </Text>
  );
}
