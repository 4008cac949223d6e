/**
 * The login form that works before the app has arrived (issue #15). A cold load of /masuk is served
 * masuk.html (built from index.html by web/vite.config.ts): the form is in the HTML, painted and
 * fillable at once; this module (part of the small entry chunk, so it arrives a round trip later)
 * enables its button, validates and posts it like the React login page, then continues into the app
 * on the page the user was going to. The app's code is fetched while the user types, so nothing of
 * it competes with the first paint. Navigating to /masuk inside the running app shows the React page.
 */
import { primeEarly } from './early';
import { afterLoginPath, type HomeUser } from './lib/home';

const TEXT = {
  usernameRequired: 'Nama pengguna wajib diisi',
  passwordRequired: 'Kata sandi wajib diisi',
  busy: 'Memproses…',
  loading: 'Memuat Sambang…',
  // The same fallbacks as web/src/lib/api.ts, for answers without a message of their own.
  offline: 'Tidak dapat terhubung ke server. Periksa koneksi Anda.',
  tooMany: 'Terlalu banyak percobaan. Coba lagi beberapa saat lagi.',
  server: 'Terjadi kesalahan pada server.',
  generic: 'Terjadi kesalahan. Silakan coba lagi.',
};

type LoginUser = HomeUser;

/** Returns false when this page has no early form (any other page, or the dev server). */
export function startShellLogin(boot: (path: string) => void): boolean {
  const form = document.getElementById('shell-login');
  if (!(form instanceof HTMLFormElement) || !/^\/masuk\/?$/.test(window.location.pathname)) return false;
  const username = form.elements.namedItem('username') as HTMLInputElement;
  const password = form.elements.namedItem('password') as HTMLInputElement;
  const button = form.querySelector('button[type="submit"]') as HTMLButtonElement;
  const alert = document.getElementById('shell-login-alert') as HTMLElement;
  let busy = false;
  let done = false;

  // The app's code: fetched (not started) once the user begins to type, or shortly after the page
  // has loaded, so it is in the cache when the login succeeds.
  let fetched = false;
  const fetchApp = () => {
    if (fetched) return;
    fetched = true;
    void import('./main-app');
    void import('./components/AppLayout');
  };
  for (const ev of ['input', 'keydown', 'pointerdown'])
    form.addEventListener(ev, fetchApp, { once: true, passive: true });
  const later = () => window.setTimeout(fetchApp, 3000);
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });

  const enter = (user: LoginUser) => {
    if (done) return;
    done = true;
    const target = afterLoginPath(user, new URLSearchParams(window.location.search).get('next'));
    // Field mode is its own bundle: a full load, as the React app does (FieldRedirect).
    if (target === '/lapangan' || target.startsWith('/lapangan/') || target.startsWith('/lapangan?')) {
      window.location.replace(target);
      return;
    }
    primeEarly('/auth/me', { user });
    window.history.replaceState(null, '', target);
    document.title = 'Sambang';
    const root = document.getElementById('root');
    if (root) {
      const status = document.createElement('main');
      status.className = 'shell-body';
      status.setAttribute('role', 'status');
      const spin = document.createElement('div');
      spin.className = 'shell-spin';
      spin.setAttribute('aria-hidden', 'true');
      const text = document.createElement('div');
      text.textContent = TEXT.loading;
      status.append(spin, text);
      root.replaceChildren(status);
    }
    boot(new URL(target, window.location.href).pathname);
  };

  const setError = (input: HTMLInputElement, message: string | null) => {
    const hint = document.getElementById(`${input.id}-error`);
    if (!hint) return;
    hint.textContent = message ?? '';
    hint.hidden = !message;
    if (message) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', hint.id);
    } else {
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
    }
  };
  const showAlert = (message: string | null) => {
    alert.textContent = message ?? '';
    alert.hidden = !message;
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (busy || done) return;
    const name = username.value.trim();
    const secret = password.value;
    setError(username, name ? null : TEXT.usernameRequired);
    setError(password, secret ? null : TEXT.passwordRequired);
    if (!name || !secret) {
      (name ? password : username).focus();
      return;
    }
    busy = true;
    fetchApp();
    button.setAttribute('aria-busy', 'true');
    button.textContent = TEXT.busy;
    showAlert(null);
    fetch('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ username: name, password: secret }),
    })
      .then(async (res) => {
        type Answer = { user?: LoginUser; error?: { message?: string } } | null;
        let body: Answer;
        try {
          body = JSON.parse(await res.text()) as Answer;
        } catch {
          body = null;
        }
        if (res.ok && body?.user) return enter(body.user);
        const fallback = res.status === 429 ? TEXT.tooMany : res.status >= 500 ? TEXT.server : TEXT.generic;
        showAlert(body?.error?.message ?? fallback);
      })
      .catch(() => showAlert(TEXT.offline))
      .finally(() => {
        busy = false;
        button.removeAttribute('aria-busy');
        button.textContent = 'Masuk';
      });
  });

  button.disabled = false;

  // Already signed in (a bookmark of /masuk): go where the React page would send the user.
  void fetch('/api/v1/auth/me', { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(async (res) => (res.ok ? ((await res.json()) as { user?: LoginUser }) : null))
    .then((body) => {
      if (body?.user && !busy) enter(body.user);
    })
    .catch(() => undefined);
  return true;
}
