// Placeholder: ODS yearly recap (#5). Owned by the helper building it; replace this file.
import { Alert } from '@mantine/core';

export default function RecapPage() {
  return <Alert color="gray">Sedang disiapkan.</Alert>;
}
