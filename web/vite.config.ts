import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
const outDir = fileURLToPath(new URL('../dist/web', import.meta.url));
const THEME = '#0b7a55'; // sambang[8], the primary shade of web/src/theme.ts

/**
 * The files field mode needs (issue #6): the entry chunk and everything the field entry imports.
 * Only these are precached by the service worker, so installing it costs the phone a few dozen KB,
 * not the whole office app; other chunks are cached when first used.
 */
const fieldFiles = new Set<string>();
function fieldChunks(): Plugin {
  return {
    name: 'sambang-field-chunks',
    generateBundle(_opts, bundle) {
      fieldFiles.clear();
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      const start = chunks.filter((c) => c.isEntry || c.facadeModuleId?.endsWith('/web/src/field/main.tsx'));
      const stack = start.map((c) => c.fileName);
      while (stack.length) {
        const f = stack.pop()!;
        if (fieldFiles.has(f)) continue;
        fieldFiles.add(f);
        const c = byName.get(f);
        if (!c || c.type !== 'chunk') continue;
        for (const css of c.viteMetadata?.importedCss ?? []) fieldFiles.add(css);
        stack.push(...c.imports);
      }
    },
  };
}

/**
 * Modules the shared `core` and `app` chunks below must not take (issue #15): those of the entry chunk
 * and of field mode (issue #6), and every module that imports one of them (a group takes a module's
 * dependencies with it). Otherwise field mode would download office code. React has its own chunk.
 */
const outsideModules = new Set<string>();
function outsideOfficeChunks(): Plugin {
  const ROOTS = ['/web/src/main.tsx', '/web/src/field/main.tsx'];
  const REACT = /node_modules[\\/](react|react-dom|scheduler)[\\/]/;
  return {
    name: 'sambang-outside-office-chunks',
    apply: 'build',
    buildEnd() {
      const ids = [...this.getModuleIds()];
      const roots = ids.filter((id) => ROOTS.some((r) => id.endsWith(r)));
      if (roots.length !== ROOTS.length) throw new Error(`entry modules not found: ${ROOTS.join(', ')}`);
      const used = new Set<string>();
      for (const stack = [...roots]; stack.length;) {
        const id = stack.pop()!;
        if (used.has(id) || REACT.test(id)) continue;
        used.add(id);
        stack.push(...(this.getModuleInfo(id)?.importedIds ?? []));
      }
      outsideModules.clear();
      for (const stack = [...used]; stack.length;) {
        const id = stack.pop()!;
        if (outsideModules.has(id)) continue;
        outsideModules.add(id);
        stack.push(...(this.getModuleInfo(id)?.importers ?? []));
      }
    },
  };
}
const office = (re: RegExp) => (id: string) => re.test(id) && !outsideModules.has(id);
/** The date pickers' setup and styles (web/src/lib/dates.ts) stay with the screens that have a date field. */
const DATE_SETUP = /[\\/]web[\\/]src[\\/]lib[\\/]dates\.ts$/;

/**
 * masuk.html (issue #15): index.html with the login form of web/shell-login.html in place of the
 * loading shell, and its own title. The server sends it for a cold load of /masuk, so the form is
 * painted and fillable before any script has arrived (web/src/shell-login.ts submits it).
 */
function loginPage(): Plugin {
  return {
    name: 'sambang-login-page',
    apply: 'build',
    enforce: 'post',
    generateBundle(_opts, bundle) {
      const index = bundle['index.html'];
      if (!index || index.type !== 'asset') throw new Error('index.html missing from the bundle');
      const html = String(index.source);
      const form = readFileSync(join(webRoot, 'shell-login.html'), 'utf8');
      const shell = /<!-- shell:start -->[\s\S]*<!-- shell:end -->/;
      if (!shell.test(html) || !html.includes('<title>Sambang</title>'))
        throw new Error('index.html lost its shell markers or title');
      const source = html
        .replace(shell, () => form.trim())
        .replace('<title>Sambang</title>', '<title>Masuk · Sambang</title>');
      this.emitFile({ type: 'asset', fileName: 'masuk.html', source });
    },
  };
}

/** Writes .br and .gz next to each text asset; the server sends them as is (preCompressed). */
function precompress(): Plugin {
  return {
    name: 'sambang-precompress',
    apply: 'build',
    enforce: 'post',
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        const walk = (dir: string): string[] =>
          readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
        for (const file of walk(outDir)) {
          if (!/\.(js|mjs|css|html|svg|json|webmanifest|txt)$/.test(file)) continue;
          const data = readFileSync(file);
          if (data.length < 1024) continue;
          writeFileSync(
            `${file}.br`,
            brotliCompressSync(data, {
              params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: data.length },
            }),
          );
          writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
        }
      },
    },
  };
}

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [
    react(),
    fieldChunks(),
    outsideOfficeChunks(),
    loginPage(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        id: '/lapangan',
        name: 'Sambang Lapangan',
        short_name: 'Sambang',
        description:
          'Mode lapangan Gerakan Sambang Koperasi untuk petugas dinas koperasi. Catat kunjungan tanpa sinyal.',
        lang: 'id',
        start_url: '/lapangan',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: THEME,
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        // Only field mode opens from the cache. The office app always asks the network for its HTML,
        // so a deploy never leaves it on a stale index.html whose chunks are gone (it has no update banner).
        navigateFallbackAllowlist: [/^\/lapangan(\/|$)/],
        navigateFallbackDenylist: [/^\/api\//, /^\/healthz/],
        cleanupOutdatedCaches: true,
        clientsClaim: false,
        skipWaiting: false,
        manifestTransforms: [
          (entries) => ({
            manifest: entries.filter((e) => !/\.(js|css)$/.test(e.url) || fieldFiles.has(e.url.replace(/^\//, ''))),
          }),
        ],
        runtimeCaching: [
          {
            // Hashed chunks of the office app: cached when first used, never change under a name.
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/assets/'),
            handler: 'CacheFirst',
            options: { cacheName: 'sambang-assets', expiration: { maxEntries: 200, maxAgeSeconds: 60 * 60 * 24 * 60 } },
          },
        ],
      },
    }),
    precompress(),
  ],
  resolve: {
    // The rubric engine (pure TS) is shared with the server: the live score runs the same code.
    alias: {
      '@domain': fileURLToPath(new URL('../src/domain', import.meta.url)),
      '@contract': fileURLToPath(new URL('../src/contract', import.meta.url)),
    },
  },
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  css: {
    postcss: webRoot,
  },
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
            { name: 'dates', test: /node_modules[\\/]@mantine[\\/]dates[\\/]/, priority: 10 },
            // Issue #15: node modules that at least 3 pages (or the app shell) use; a module only one or
            // two pages need (the number input, the toasts, the stepper…) stays with those pages, so the
            // first route does not download it. The previous single `core` took every node module.
            {
              name: 'core',
              test: office(/node_modules[\\/](?!echarts|zrender|leaflet|dexie|jsqr|tslib|workbox|@mantine[\\/]dates)/),
              priority: 20,
              minShareCount: 3,
            },
            // The app's own shared code (api, auth, format, common components…) used by 6 pages or more:
            // one chunk instead of some 15 of under 2 KB, each a 400 ms round trip on the weak link.
            {
              name: 'app',
              test: (id) =>
                office(/[\\/]web[\\/]src[\\/](lib|components|features|i18n)[\\/]/)(id) && !DATE_SETUP.test(id),
              priority: 15,
              minShareCount: 6,
            },
          ],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/healthz': 'http://127.0.0.1:3000',
    },
  },
  preview: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/healthz': 'http://127.0.0.1:3000',
    },
  },
});
