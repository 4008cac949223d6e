// The entry point only chooses a bundle: field mode (/lapangan) is a small, Mantine-free app that
// works offline (issue #6); everything else loads the full app, and starts what its first screen
// needs in parallel (issue #15, web/src/early.ts).
import { preloadRoute, startEarly } from './early';

const path = window.location.pathname;
if (path === '/lapangan' || path.startsWith('/lapangan/')) void import('./field/main');
else {
  if (path !== '/masuk') startEarly('/auth/me');
  void import('./main-app');
  preloadRoute(path);
}
