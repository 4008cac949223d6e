import type { OfficePaper, Signer } from '../../reports/pdf.js';
import type { Tx } from '../context.js';
import { currentOffice } from './offices.js';

/** An office's profile as the PDFs print it: the given office (the user's), else the first office. */
export async function officePaper(db: Tx, officeId: string | null = null): Promise<OfficePaper> {
  const o = await currentOffice(db, officeId);
  const logo = await db.selectFrom('offices').select('logo').where('id', '=', o.id).executeTakeFirst();
  const contact = [o.phone && `Telepon ${o.phone}`, o.email && `Pos-el ${o.email}`, o.website && `Laman ${o.website}`]
    .filter(Boolean)
    .join(' · ');
  return {
    government: o.government,
    agency: o.name,
    shortName: o.shortName,
    address: o.address,
    contact: contact || null,
    logo: logo?.logo ? Buffer.from(logo.logo) : null,
    city: o.city,
    area: o.government.replace(/^Pemerintah\s+/i, ''),
    head: o.headName ? { name: o.headName, nip: o.headNip, rank: o.headRank, position: o.headPosition } : null,
    legalBasis: o.legalBasis,
  };
}

/** An officer as printed under a signature: name, NIP, rank and position from the user record. */
export async function signerOf(db: Tx, userId: string): Promise<Signer | null> {
  const u = await db
    .selectFrom('users')
    .select(['full_name', 'nip', 'rank', 'position'])
    .where('id', '=', userId)
    .executeTakeFirst();
  return u ? { name: u.full_name, nip: u.nip, rank: u.rank, position: u.position } : null;
}
