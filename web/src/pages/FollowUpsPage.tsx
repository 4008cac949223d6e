// Placeholder: follow-ups, mine and all (#4). Owned by the helper building it; replace this file.
import { Alert } from '@mantine/core';

export default function FollowUpsPage() {
  return <Alert color="gray">Sedang disiapkan.</Alert>;
}
