// Placeholder: visit plan form (#4). Owned by the helper building it; replace this file.
import { Alert } from '@mantine/core';

export default function VisitPlanPage() {
  return <Alert color="gray">Sedang disiapkan.</Alert>;
}
