// Placeholder: visit detail and record (#4). Owned by the helper building it; replace this file.
import { Alert } from '@mantine/core';

export default function VisitPage() {
  return <Alert color="gray">Sedang disiapkan.</Alert>;
}
