import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';
import './i18n';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router-dom';
import { cssVariablesResolver, theme } from './theme';
import { queryClient } from './lib/queryClient';
import { App } from './App';
import { installDialogFocus } from './lib/dialogFocus';

// The toast container (and its animation code) is not needed to paint the first screen (issue #15);
// toasts shown before it arrives wait in the store and appear when it mounts.
const Toasts = lazy(() => import('./components/Toasts'));

/**
 * Mounts the office app. Importing this module only loads the code (the login form of masuk.html
 * fetches it while the user types, web/src/shell-login.ts); the entry calls start() when the app is
 * to replace the inline shell.
 */
export function start(): void {
  installDialogFocus();
  const root = document.getElementById('root');
  if (!root) throw new Error('root element missing');
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
        <Suspense fallback={null}>
          <Toasts />
        </Suspense>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
