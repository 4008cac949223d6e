// The entry point only chooses a bundle: field mode (/lapangan) is a small, Mantine-free app that
// works offline (issue #6); everything else loads the full app.
const path = window.location.pathname;
if (path === '/lapangan' || path.startsWith('/lapangan/')) void import('./field/main');
else void import('./main-app');
