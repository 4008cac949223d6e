// Typed translation keys: `t('…')` accepts only keys that exist in the Indonesian resources. The bundles
// are added at run time (addResourceBundle, deep-merged into `translation`), so the type is their union.
import 'i18next';
import type dashboard from './dashboard';
import type desk from './desk';
import type dialog from './dialog';
import type health from './health';
import type history from './history';
import type id from './id';
import type papers from './papers';
import type sheets from './sheets';
import type summary from './summary';
import type visitRecord from './visit-record';
import type visits from './visits';
import type notifications from '../features/notifications/i18n';

type Translation = typeof id &
  typeof dashboard &
  typeof desk &
  typeof dialog &
  typeof health &
  typeof history &
  typeof papers &
  typeof sheets &
  typeof summary &
  typeof visitRecord &
  typeof visits &
  typeof notifications;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translation };
  }
}
