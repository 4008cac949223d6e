import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import id from './id';

void i18n.use(initReactI18next).init({
  resources: { id: { translation: id } },
  lng: 'id',
  fallbackLng: 'id',
  initAsync: false,
  // The office's names are filled in from GET /api/v1/meta once it loads (lib/office.ts).
  interpolation: { escapeValue: false, defaultVariables: { office: '', agency: 'Dinas', officeShort: 'Dinas' } },
  returnNull: false,
});

export default i18n;
