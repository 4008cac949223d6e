import { Center, Loader } from '@mantine/core';

export function FullPageLoader() {
  return (
    <Center h="50vh">
      <Loader aria-label="Memuat" />
    </Center>
  );
}
