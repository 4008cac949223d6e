// The toast container on its own chunk (issue #15): pages import only the `notifications` store,
// so the container's animation and scroll-lock code loads after the first screen.
import { Notifications } from '@mantine/notifications';

export default function Toasts() {
  return <Notifications position="top-right" limit={4} zIndex={1000} />;
}
