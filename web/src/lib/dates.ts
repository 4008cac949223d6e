// Side-effect module for screens that use @mantine/dates: Indonesian dayjs locale, parsing of
// typed dates ("14 Maret 2012") and the styles.
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import 'dayjs/locale/id';
import '@mantine/dates/styles.css';

dayjs.extend(customParseFormat);
