// The entry point only chooses a bundle: field mode (/lapangan) is a small, Mantine-free app that
// works offline (issue #6); everything else loads the full app, and starts what its first screen
// needs in parallel (issue #15, web/src/early.ts). A cold load of /masuk gets masuk.html, whose login
// form works before the app has arrived (web/src/shell-login.ts); the app starts after the login.
import { preloadRoute, startEarly, startRouteData } from './early';
import { startShellLogin } from './shell-login';

function boot(path: string): void {
  if (path === '/lapangan' || path.startsWith('/lapangan/')) {
    void import('./field/main');
    return;
  }
  if (path !== '/masuk') {
    startEarly('/auth/me');
    // Labels and the office's texts (lib/meta.ts): every signed-in screen asks for them at once.
    startEarly('/meta');
    startRouteData(path, window.location.search);
  }
  void import('./main-app').then((m) => m.start());
  preloadRoute(path);
}

if (!startShellLogin(boot)) boot(window.location.pathname);
