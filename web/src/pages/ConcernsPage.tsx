// Placeholder: concerns inbox (#4). Owned by the helper building it; replace this file.
import { Alert } from '@mantine/core';

export default function ConcernsPage() {
  return <Alert color="gray">Sedang disiapkan.</Alert>;
}
