/**
 * Service worker registration for field mode. Updates are offered, never forced: a new version
 * waits until the user taps "Muat ulang" (registerType 'prompt').
 */
import { registerSW } from 'virtual:pwa-register';

type Listener = (ready: boolean) => void;
let updateReady = false;
let doUpdate: ((reload?: boolean) => Promise<void>) | null = null;
const listeners = new Set<Listener>();

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  doUpdate = registerSW({
    immediate: true,
    onNeedRefresh() {
      updateReady = true;
      listeners.forEach((l) => l(true));
    },
  });
}

export const isUpdateReady = () => updateReady;
export function onUpdateReady(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
export async function applyUpdate(): Promise<void> {
  await doUpdate?.(true);
}
