// Placeholder: field mode shell (#6). Owned by the helper building it; replace this file.
import { Alert } from '@mantine/core';

export default function FieldApp() {
  return <Alert color="gray">Sedang disiapkan.</Alert>;
}
