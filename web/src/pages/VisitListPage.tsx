// Placeholder: visits list and calendar (#4). Owned by the helper building it; replace this file.
import { Alert } from '@mantine/core';

export default function VisitListPage() {
  return <Alert color="gray">Sedang disiapkan.</Alert>;
}
