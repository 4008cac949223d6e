import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';

/**
 * The server-rendered first view (issue #15, src/http/prerender.ts): a cold load of the dashboard or
 * the cooperative list arrives with the screen already in the HTML, in `#pre` before the app's `#root`.
 * While `#pre` is there, `#root` is hidden (its CSS comes with the page): the app mounts and loads its
 * data out of sight, and the page's own screen removes `#pre` once it has something to show, in the
 * same frame as it shows it.
 */
const pre = () => document.getElementById('pre');

/** What the user typed into the server-rendered search box and had not sent yet, if anything. */
function typedSearch(el: HTMLElement): string | null {
  const input = el.querySelector<HTMLInputElement>('input[name="q"]');
  return input && input.value !== input.defaultValue ? input.value : null;
}

/** Removes the server-rendered view; the app's screen shows. */
export function releasePrerender(): void {
  pre()?.remove();
}

/**
 * A screen that has a server-rendered view calls this: when `ready` (its data has arrived, or it shows
 * an error), the server's view goes and the screen shows. A search typed into the server's form and
 * not sent yet is handed to `onTyped` (with the focus moved to the app's own search box).
 */
export function usePrerenderRelease(ready: boolean, onTyped?: (text: string) => void): void {
  const typed = useRef(onTyped);
  typed.current = onTyped;
  useLayoutEffect(() => {
    const el = pre();
    if (!ready || !el) return;
    const text = typedSearch(el);
    const hadFocus = el.contains(document.activeElement);
    el.remove();
    if (text !== null && typed.current) {
      typed.current(text);
      if (hadFocus) document.querySelector<HTMLInputElement>('#root input[type="search"]')?.focus();
    }
  }, [ready]);
}

/**
 * Inside the router: once the app runs, the links and the search form of the server's view navigate
 * inside the app instead of loading the page again, and any other screen (a redirect, a link)
 * removes the server's view.
 */
export function PrerenderGate(): null {
  const navigate = useNavigate();
  const location = useLocation();
  const first = useRef(location.pathname);
  useEffect(() => {
    const el = pre();
    if (!el) return;
    const onClick = (e: MouseEvent) => {
      const a = e.target instanceof Element ? e.target.closest('a') : null;
      if (!a || a.origin !== window.location.origin || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
      e.preventDefault();
      navigate(a.pathname + a.search);
    };
    const onSubmit = (e: SubmitEvent) => {
      const form = e.target;
      if (!(form instanceof HTMLFormElement)) return;
      e.preventDefault();
      const query = new URLSearchParams();
      for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v.trim()) query.set(k, v.trim());
      const input = form.querySelector<HTMLInputElement>('input[name="q"]');
      if (input) input.defaultValue = input.value; // sent: not a pending search any more
      navigate(`${new URL(form.action).pathname}${query.size ? `?${query}` : ''}`);
    };
    el.addEventListener('click', onClick);
    el.addEventListener('submit', onSubmit);
    return () => {
      el.removeEventListener('click', onClick);
      el.removeEventListener('submit', onSubmit);
    };
  }, [navigate]);
  useLayoutEffect(() => {
    if (location.pathname !== first.current) releasePrerender();
  }, [location.pathname]);
  return null;
}
