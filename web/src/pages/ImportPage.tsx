// Placeholder: XLSX imports (#5). Owned by the helper building it; replace this file.
import { Alert } from '@mantine/core';

export default function ImportPage() {
  return <Alert color="gray">Sedang disiapkan.</Alert>;
}
