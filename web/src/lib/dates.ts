// Side-effect module for screens that use @mantine/dates: Indonesian dayjs locale and the styles.
import 'dayjs/locale/id';
import '@mantine/dates/styles.css';
