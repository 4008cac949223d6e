// Placeholder: concerns and follow-ups of one cooperative (#4). Owned by the helper building it; replace this file.
import { Alert } from '@mantine/core';
import type { Coop } from '../../lib/types';

export default function DialogTab({ coop }: { coop: Coop }) {
  void coop;
  return <Alert color="gray">Sedang disiapkan.</Alert>;
}
