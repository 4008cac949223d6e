import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessionOf } from './access.js';
import type { AppDeps } from '../app/context.js';
import { getDashboard } from '../app/dashboard/dashboard.js';
import { listCooperatives, type CooperativeListItem, type Page } from '../app/cooperatives/list-cooperatives.js';
import { COOP_STATUS_LABELS, COOP_TYPE_LABELS, type CoopStatus, type CoopType } from '../domain/codes.js';
import { CATEGORY_CODES } from '../domain/rubrics/codes.js';
import { jakartaDate, jakartaYear } from '../domain/dates.js';
import { longDate } from '../domain/visits/indonesian.js';
import { AppError } from '../domain/errors.js';
import { dashboardQuery, type DashboardOut } from '../contract/dashboard.js';
import { cooperativeListQuery as listQuery } from '../contract/cooperatives.js';

/**
 * The dashboard and the cooperative list as plain HTML (issue #15): on a cheap phone over a weak link
 * the office app's code takes many seconds to arrive and start, so the server answers a cold load of
 * /dasbor or /koperasi with index.html plus the screen's figures or first page of cooperatives already
 * in it: readable, with working links, a GET search form and page links, before any script has run.
 * The React app mounts hidden beside it and takes over once its own page has the data
 * (web/src/lib/prerender.ts).
 *
 * The same rules as the API: the session cookie, the policy's app abilities (the dashboard for those
 * who may read it, the registry for the Dinas' staff, never for a cooperative's account or a user who
 * must still change a generated password) and the same use cases with the user's office reach. Anything
 * else (no session, another role, a bad query, an error) gets the plain app shell, and the app decides.
 */

const PAGE_SIZE = 20; // the React list's page size (web/src/pages/CoopListPage.tsx)

const CATEGORY_LABELS: Record<(typeof CATEGORY_CODES)[number], { short: string; label: string }> = {
  SEHAT: { short: 'S', label: 'Sehat' },
  CUKUP_SEHAT: { short: 'CS', label: 'Cukup Sehat' },
  DALAM_PENGAWASAN: { short: 'DP', label: 'Dalam Pengawasan' },
  DALAM_PENGAWASAN_KHUSUS: { short: 'DPK', label: 'Dalam Pengawasan Khusus' },
};
const LEVEL = {
  KECAMATAN: { title: 'Rincian per kecamatan', column: 'Kecamatan' },
  KABUPATEN: { title: 'Rincian per kabupaten/kota', column: 'Kabupaten/kota' },
  PROVINSI: { title: 'Rincian per provinsi', column: 'Provinsi' },
} as const;
const TOTAL = { KABUPATEN: 'Kabupaten', PROVINSI: 'Provinsi', NASIONAL: 'Nasional', KECAMATAN: 'Kecamatan' } as const;

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
const numberFmt = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
const num = (n: number) => numberFmt.format(n);
const pct = (v: number | null) => (v === null ? '–' : `${num(v)}%`);
const percent = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 10 : null);

/** A screen the request may see: its document title, and its body once the use case has answered. */
export interface Prerender {
  title: string;
  /** The screen's HTML; null when the use case refuses (e.g. a region outside the office's reach). */
  render: () => Promise<string | null>;
}

/** What #pre holds when the screen could not be rendered after all: the shell's loading state. */
export const PRERENDER_FALLBACK =
  '<main id="pre-wait" class="shell-body" role="status" aria-live="polite"><div>Memuat Sambang…</div></main>';

/** The path of a screen that has a server-rendered first view, or null. */
export function prerenderScreen(url: string): 'dashboard' | 'cooperatives' | null {
  const path = url.split('?')[0]?.replace(/\/+$/, '') ?? '';
  if (path === '/dasbor') return 'dashboard';
  if (path === '/koperasi') return 'cooperatives';
  return null;
}

/**
 * The screen for this request, or null when the user may not see it here (the app then decides: the
 * login page, the user's own start page, an error). The session and the abilities are checked at once;
 * the use case runs in `render`, so the page's head can be sent while it works.
 */
export async function prerender(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Prerender | null> {
  const screen = prerenderScreen(request.url);
  if (!screen) return null;
  const found = await sessionOf(deps, request, reply);
  if (!found) return null;
  const { me, actor } = found;
  if (me.mustChangePassword) return null;
  const params = new URL(request.url, 'http://x').searchParams;
  const refused = async (work: () => Promise<string>) => {
    try {
      return await work();
    } catch (e) {
      if (e instanceof AppError) return null; // refused or unknown region: the app shows the answer
      throw e;
    }
  };
  if (screen === 'dashboard') {
    if (!me.abilities.dashboard) return null;
    // The route's own query schema and default year (routes/dashboard.ts).
    const dq = dashboardQuery.safeParse({
      year: params.get('year') ?? undefined,
      region: params.get('region') ?? undefined,
    });
    if (!dq.success) return null;
    const { region } = dq.data;
    const year = dq.data.year ?? jakartaYear(deps.now());
    return {
      title: 'Dasbor · Sambang',
      render: () =>
        refused(async () => dashboardHtml(await getDashboard(deps, actor, year, region), dq.data.year ?? null)),
    };
  }
  if (!me.abilities.office) return null;
  const q = listQuery.safeParse({
    search: params.get('q') || undefined,
    district: params.get('district') || undefined,
    village: params.get('village') || undefined,
    type: params.get('type') || undefined,
    group: params.get('group') || undefined,
    status: params.get('status') || undefined,
    sort: params.get('sort') || 'name',
    page: params.get('page') || '1',
    pageSize: String(PAGE_SIZE),
  });
  if (!q.success) return null;
  const query = q.data;
  return {
    title: 'Daftar koperasi · Sambang',
    render: () => refused(async () => listHtml(await listCooperatives(deps, actor, query), params)),
  };
}

function dashboardHtml(d: DashboardOut, year: number | null): string {
  const list = d.region.level === 'KECAMATAN' ? `&district=${encodeURIComponent(d.region.code)}` : '';
  const regionParam = d.path.length > 1 ? `&wilayah=${encodeURIComponent(d.region.code)}` : '';
  const coverage = percent(d.coverage.visited, d.coverage.target);
  const card = (title: string, href: string | null, inner: string) =>
    `<section class="pre-card"><h2>${href ? `<a href="${esc(href)}">${esc(title)}</a>` : esc(title)}</h2>${inner}</section>`;
  const health = CATEGORY_CODES.map(
    (c) =>
      `<li><a href="/penilaian?category=${c}${list}"><b>${num(d.health[c])}</b> ${esc(CATEGORY_LABELS[c].label)}</a></li>`,
  ).join('');
  const cards = [
    card(
      'Cakupan kunjungan',
      `/kunjungan?status=done&from=${d.year}-01-01&to=${d.year}-12-31${list}`,
      `<p class="pre-big">${pct(coverage)}</p><p>${
        d.coverage.target
          ? `${num(d.coverage.visited)} dari ${num(d.coverage.target)} koperasi sasaran dikunjungi`
          : `${num(d.coverage.visited)} koperasi dikunjungi; belum ada sasaran program`
      }</p><p>${num(d.coverage.visits)} kunjungan tercatat</p>`,
    ),
    card(
      'Kepatuhan RAT',
      `/rekap?tahun=${d.rat.fiscalYear}${regionParam}`,
      `<p class="pre-big">${pct(d.rat.rate)}</p><p>${num(d.rat.held)} dari ${num(d.rat.due)} koperasi wajib RAT tahun buku ${d.rat.fiscalYear} sudah ber-RAT (${num(d.rat.onTime)} tepat waktu)</p>` +
        `<p>${num(d.rat.active)} dari ${num(d.rat.cooperatives)} koperasi aktif per ${esc(longDate(d.rat.asOf))}</p>` +
        (d.rat.withWarnings > 0
          ? `<p class="pre-warn">${num(d.rat.withWarnings)} koperasi dengan peringatan RAT</p>`
          : ''),
    ),
    card(
      'Kesehatan koperasi',
      null,
      `<ul class="pre-cats">${health}</ul><p>${num(d.health.assessed)} koperasi dinilai pada ${d.year} (penilaian final terakhir)</p>`,
    ),
    card(
      'Tindak lanjut terlambat',
      `/tindak-lanjut?tab=semua${d.followUps.overdue > 0 ? '&status=overdue' : ''}${list}`,
      `<p class="pre-big">${num(d.followUps.overdue)}</p><p>${num(d.followUps.open)} belum selesai · ${num(d.followUps.in_progress)} sedang berjalan</p>`,
    ),
  ].join('');

  const crumbs =
    d.path.length > 1
      ? `<nav aria-label="Jalur wilayah" class="pre-crumbs"><ol>${d.path
          .map((r, i) =>
            i === d.path.length - 1
              ? `<li aria-current="page">${esc(r.name)}</li>`
              : `<li><a href="/dasbor${i === 0 ? (year ? `?year=${year}` : '') : `?region=${encodeURIComponent(r.code)}${year ? `&year=${year}` : ''}`}">${esc(r.name)}</a></li>`,
          )
          .join('')}</ol></nav>`
      : '';
  // As the app's notice: a year without program or visits says so and links the latest year with visits.
  const last = [...d.trends].reverse().find((x) => x.year < d.year && x.visits > 0)?.year;
  const noData =
    d.coverage.target === 0 && d.coverage.visits === 0
      ? `<p class="pre-note">Tahun ${d.year} belum punya program kunjungan. Belum ada sasaran program maupun kunjungan yang tercatat untuk tahun ini, sehingga angka di bawah masih nol.${
          last ? ` <a href="/dasbor?year=${last}">Lihat tahun ${last}</a>` : ''
        }</p>`
      : '';
  return `<main id="pre-main" class="pre-page" data-prerender="dashboard">
<h1>Dasbor</h1>
<p class="pre-sub">${esc(d.region.name)} · ringkasan program Sambang Koperasi per tahun ${d.year} · data per ${esc(longDate(d.asOf))}</p>
${crumbs}${noData}<div class="pre-cards" data-testid="pre-figures">${cards}</div>
${regionTable(d, year)}
<p class="pre-sub">Peta dan grafik dimuat…</p>
</main>`;
}

function regionTable(d: DashboardOut, year: number | null): string {
  if (!d.rowLevel || d.coverage.byDistrict.length === 0) return '';
  const level = LEVEL[d.rowLevel];
  const health = new Map(d.health.byDistrict.map((h) => [h.code, h]));
  const rat = new Map(d.rat.byDistrict.map((r) => [r.code, r]));
  const fu = new Map(d.followUps.byDistrict.map((f) => [f.code, f]));
  const rows = [...d.coverage.byDistrict].sort((a, b) =>
    a.kind !== b.kind ? (a.kind === 'AUTHORITY' ? 1 : -1) : a.name.localeCompare(b.name, 'id'),
  );
  const body = rows
    .map((c) => {
      const h = health.get(c.code);
      const r = rat.get(c.code);
      const f = fu.get(c.code);
      const cats = CATEGORY_CODES.map((k) => h?.[k] ?? 0);
      const assessed = cats.reduce((a, b) => a + b, 0);
      const href =
        c.kind === 'AUTHORITY'
          ? null
          : d.rowLevel === 'KECAMATAN'
            ? `/koperasi?district=${encodeURIComponent(c.code)}`
            : `/dasbor?region=${encodeURIComponent(c.code)}${year ? `&year=${year}` : ''}`;
      return `<tr><th scope="row">${href ? `<a href="${esc(href)}">${esc(c.name)}</a>` : `<i>${esc(c.name)}</i>`}</th>
<td>${pct(percent(c.visited, c.target))}<small>${num(c.visited)} / ${num(c.target)}</small></td>
<td>${pct(r?.rate ?? null)}<small>${num(r?.held ?? 0)} / ${num(r?.due ?? 0)}</small></td>
${cats.map((n) => `<td>${num(n)}</td>`).join('')}
<td>${pct(percent((h?.DALAM_PENGAWASAN ?? 0) + (h?.DALAM_PENGAWASAN_KHUSUS ?? 0), assessed))}</td>
<td>${num(r?.warnings ?? 0)}</td><td>${num(f?.overdue ?? 0)}</td></tr>`;
    })
    .join('\n');
  const head = CATEGORY_CODES.map(
    (c) => `<th scope="col"><abbr title="${CATEGORY_LABELS[c].label}">${CATEGORY_LABELS[c].short}</abbr></th>`,
  ).join('');
  return `<h2 id="pre-table">${level.title}</h2>
<div class="pre-scroll" role="region" aria-labelledby="pre-table" tabindex="0">
<table><thead><tr><th scope="col">${level.column}</th><th scope="col">Cakupan</th><th scope="col">Kepatuhan RAT</th>${head}<th scope="col">DP + DPK</th><th scope="col">Peringatan RAT</th><th scope="col">Terlambat</th></tr></thead>
<tbody>
${body}
</tbody>
<tfoot><tr><th scope="row">${TOTAL[d.region.level]}</th><td>${pct(percent(d.coverage.visited, d.coverage.target))}</td><td>${pct(d.rat.rate)}</td>${CATEGORY_CODES.map((c) => `<td>${num(d.health[c])}</td>`).join('')}<td>${pct(percent(d.health.DALAM_PENGAWASAN + d.health.DALAM_PENGAWASAN_KHUSUS, d.health.assessed))}</td><td>${num(d.rat.withWarnings)}</td><td>${num(d.followUps.overdue)}</td></tr></tfoot>
</table></div>`;
}

function listHtml(found: Page<CooperativeListItem>, params: URLSearchParams): string {
  const keep = ['district', 'village', 'type', 'group', 'status', 'sort'] as const;
  const hidden = keep
    .map((k) => params.get(k))
    .map((v, i) => (v ? `<input type="hidden" name="${keep[i]}" value="${esc(v)}">` : ''))
    .join('');
  const q = params.get('q') ?? '';
  const pages = Math.max(1, Math.ceil(found.total / found.pageSize));
  const pageHref = (p: number) => {
    const u = new URLSearchParams(params);
    if (p === 1) u.delete('page');
    else u.set('page', String(p));
    const s = u.toString();
    return `/koperasi${s ? `?${s}` : ''}`;
  };
  const items = found.items
    .map((c) => {
      const kel = c.village.code.split('.')[3]?.startsWith('1');
      const members = c.membersMale + c.membersFemale;
      return `<li><a href="/koperasi/${esc(c.id)}"><b>${esc(c.name)}</b></a><span>${kel ? 'Kel.' : 'Desa'} ${esc(c.village.name)}, Kec. ${esc(c.district.name)}</span><span>${esc(COOP_STATUS_LABELS[c.status as CoopStatus] ?? c.status)} · ${esc(COOP_TYPE_LABELS[c.type as CoopType] ?? c.type)} · ${num(members)} anggota · diperbarui ${esc(longDate(jakartaDate(c.updatedAt)))}</span></li>`;
    })
    .join('\n');
  const nav =
    pages > 1
      ? `<nav aria-label="Halaman daftar" class="pre-pages">${
          found.page > 1 ? `<a href="${esc(pageHref(found.page - 1))}" rel="prev">‹ Sebelumnya</a>` : '<span></span>'
        }<span>Halaman ${num(found.page)} dari ${num(pages)}</span>${
          found.page < pages
            ? `<a href="${esc(pageHref(found.page + 1))}" rel="next">Berikutnya ›</a>`
            : '<span></span>'
        }</nav>`
      : '';
  const filtered = keep.some((k) => params.get(k) && k !== 'sort') || q;
  return `<main id="pre-main" class="pre-page" data-prerender="cooperatives">
<h1>Daftar koperasi</h1>
<p class="pre-sub"><b>${num(found.total)} koperasi</b>${filtered ? ' sesuai pencarian' : ''}</p>
<form method="get" action="/koperasi" role="search" class="pre-search"><label for="pre-q">Cari nama atau NIK koperasi</label><div><input id="pre-q" name="q" type="text" enterkeyhint="search" autocomplete="off" value="${esc(q)}">${hidden}<button type="submit">Cari</button></div></form>
${found.items.length ? `<ul class="pre-list" data-testid="pre-list">\n${items}\n</ul>` : `<p class="pre-note">${filtered ? 'Tidak ada data yang cocok dengan pencarian.' : 'Belum ada data.'}</p>`}
${nav}
</main>`;
}

/** The styles of the server-rendered screens; the app's own root stays hidden while #pre is there. */
export const PRERENDER_CSS = `<style>
#pre ~ #root{visibility:hidden;position:fixed;inset:0;overflow:hidden}
.pre-page{max-width:1180px;margin:0 auto;padding:16px 16px 32px;color:#212529;font-size:15px;line-height:1.45}
.pre-page h1{font-size:24px;margin:4px 0 2px}
.pre-page h2{font-size:16px;margin:0 0 6px}
.pre-page a{color:#0a6b4b}
.pre-sub{color:#495057;margin:0 0 14px;font-size:14px}
.pre-note{background:#e7f5ff;border-radius:8px;padding:10px 12px;margin:0 0 14px}
.pre-crumbs ol{list-style:none;display:flex;flex-wrap:wrap;gap:6px;padding:0;margin:0 0 12px;font-size:14px}
.pre-crumbs li+li::before{content:"›";margin-right:6px;color:#495057}
.pre-cards{display:grid;gap:10px;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));margin-bottom:18px}
.pre-card{border:1px solid #dee2e6;border-radius:8px;padding:12px 14px}
.pre-card p{margin:2px 0;font-size:13px;color:#495057}
.pre-card .pre-big{font-size:28px;font-weight:750;color:#212529;line-height:1.15}
.pre-card .pre-warn{color:#a94400;font-weight:600}
.pre-cats{list-style:none;padding:0;margin:0 0 4px;font-size:14px}
.pre-cats a{display:block;padding:3px 0;color:#212529}
.pre-scroll{overflow-x:auto;border:1px solid #dee2e6;border-radius:8px;margin-bottom:14px}
.pre-scroll table{border-collapse:collapse;width:100%;min-width:860px;font-size:14px}
.pre-scroll th,.pre-scroll td{padding:6px 10px;text-align:right;border-bottom:1px solid #eef0f2;white-space:nowrap}
.pre-scroll thead th,.pre-scroll tfoot th,.pre-scroll tfoot td{background:#f8f9fa;font-weight:700}
.pre-scroll th[scope=row],.pre-scroll thead th:first-child{text-align:left;font-weight:600}
.pre-scroll small{display:block;color:#495057;font-size:12px}
.pre-scroll abbr{text-decoration:none}
.pre-search{margin:0 0 14px}
.pre-search label{display:block;font-size:14px;font-weight:600;margin-bottom:4px}
.pre-search div{display:flex;gap:8px;max-width:560px}
.pre-search input{flex:1;min-width:0;font:inherit;padding:9px 10px;border:1px solid #868e96;border-radius:6px}
.pre-search button{font:inherit;font-weight:600;padding:9px 16px;border:0;border-radius:6px;background:#0b7a55;color:#fff}
.pre-list{list-style:none;padding:0;margin:0 0 14px;display:grid;gap:8px;grid-template-columns:repeat(auto-fill,minmax(320px,1fr))}
.pre-list li{border:1px solid #dee2e6;border-radius:8px;padding:10px 12px;display:flex;flex-direction:column;gap:2px}
.pre-list a{text-decoration:none;overflow-wrap:anywhere}
.pre-list span{font-size:13px;color:#495057}
.pre-pages{display:flex;justify-content:space-between;align-items:center;gap:8px;font-size:14px}
.pre-pages a,.pre-pages span{padding:10px 4px;white-space:nowrap}
</style>`;

/**
 * index.html split around the screen: `start` is the document up to the opening of `#pre` and the
 * shell's header (sent at once, so the browser fetches the app's scripts and paints the header while
 * the use case works), `end` closes `#pre` and adds an empty `#root` for the app. Null when the
 * template lacks its markers.
 */
export function pageParts(template: string, title: string): { start: string; end: string } | null {
  const shell = /<!-- shell:start -->[\s\S]*<!-- shell:end -->/.exec(template);
  const head = shell && /<!-- head:start -->([\s\S]*)<!-- head:end -->/.exec(shell[0])?.[1];
  const root = '<div id="root">';
  if (!shell || !head || !template.includes('<title>Sambang</title>') || !template.includes(root)) return null;
  // The app's entry script moves behind the screen: on a 400 kbit/s link its chunks would otherwise take
  // the bandwidth the screen's own few KB need (the app still starts as soon as they are in).
  const scripts = template.match(/<script type="module"[^>]*><\/script>/g) ?? [];
  let html = template
    .replace('<title>Sambang</title>', () => `<title>${esc(title)}</title>`)
    .replace('</head>', () => `${PRERENDER_CSS}</head>`)
    .replace(shell[0], '');
  for (const tag of scripts) html = html.replace(tag, '');
  const at = html.indexOf(root);
  const rest = html.slice(at);
  return {
    start: `${html.slice(0, at)}<div id="pre"><header>${head.trim()}</header>`,
    end: `</div>${rest.replace('</body>', () => `${scripts.join('')}</body>`)}`,
  };
}
