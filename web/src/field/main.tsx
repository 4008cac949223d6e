import './field.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FieldApp } from './FieldApp';
import { registerServiceWorker } from './pwa';

const root = document.getElementById('root');
if (!root) throw new Error('root element missing');
document.title = 'Sambang Lapangan';
registerServiceWorker();
createRoot(root).render(
  <StrictMode>
    <FieldApp />
  </StrictMode>,
);
