import type { Notice } from '../../domain/notifications/messages.js';

/** E-mails in Indonesian: plain text plus simple HTML (no images, no outside resources). */

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const href = (base: string | null, link: string) => `${base ?? ''}${link}`;

const FOOTER_TEXT =
  '—\nSurel ini dikirim otomatis oleh Sambang. Atur pemberitahuan di menu Pemberitahuan › Pengaturan.';

function page(inner: string): string {
  return (
    `<!doctype html><html lang="id"><body style="font-family:Arial,sans-serif;color:#1a1a1a;max-width:600px">${inner}` +
    '<p style="color:#666;font-size:12px;margin-top:24px">Surel ini dikirim otomatis oleh Sambang. Atur pemberitahuan di menu Pemberitahuan › Pengaturan.</p></body></html>'
  );
}

export function renderNoticeMail(
  base: string | null,
  name: string,
  n: Notice,
  wa: string | null,
): { subject: string; text: string; html: string } {
  const url = href(base, n.link);
  const text = [
    `Yth. ${name},`,
    '',
    n.title,
    '',
    n.body,
    '',
    `Buka: ${url}`,
    ...(wa ? [`Kirim WhatsApp: ${wa}`] : []),
    '',
    FOOTER_TEXT,
  ].join('\n');
  const html = page(
    `<p>Yth. ${esc(name)},</p><h2 style="font-size:18px">${esc(n.title)}</h2><p>${esc(n.body)}</p>` +
      `<p><a href="${esc(url)}">Buka di Sambang</a>${wa ? ` · <a href="${esc(wa)}">Kirim WhatsApp</a>` : ''}</p>`,
  );
  return { subject: `[Sambang] ${n.title}`, text, html };
}

export function renderDigestMail(
  base: string | null,
  name: string,
  date: string,
  items: { title: string; body: string; link: string }[],
): { subject: string; text: string; html: string } {
  const subject = `[Sambang] Ringkasan harian ${date}: ${items.length} pemberitahuan`;
  const text = [
    `Yth. ${name},`,
    '',
    `Ringkasan pemberitahuan Anda (${items.length}):`,
    '',
    ...items.flatMap((i, k) => [`${k + 1}. ${i.title}`, `   ${i.body}`, `   ${href(base, i.link)}`, '']),
    FOOTER_TEXT,
  ].join('\n');
  const html = page(
    `<p>Yth. ${esc(name)},</p><h2 style="font-size:18px">Ringkasan pemberitahuan (${items.length})</h2><ol>` +
      items.map((i) => `<li><a href="${esc(href(base, i.link))}">${esc(i.title)}</a><br>${esc(i.body)}</li>`).join('') +
      '</ol>',
  );
  return { subject, text, html };
}
