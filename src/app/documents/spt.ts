import { BIDANG_LABELS } from '../../domain/codes.js';
import { villageKind } from '../../domain/cooperative.js';
import { VISIT_PURPOSE_LABELS } from '../../domain/visits/codes.js';
import type { IssueStamp } from '../../reports/pdf.js';
import { sptPdf } from '../../reports/spt-pdf.js';
import type { Actor, AppDeps } from '../context.js';
import { officePaper } from '../offices/office-paper.js';
import { regencyOfDistrict } from '../regions/list-regions.js';
import { getVisit } from '../visits/visits.js';
import { jakartaDate } from '../../domain/dates.js';

/** The Surat Perintah Tugas of a visit as a PDF, with its number and QR code when issued. */
export async function visitSpt(
  deps: AppDeps,
  actor: Actor,
  visitId: string,
  stamp: IssueStamp | null,
): Promise<Buffer> {
  const v = await getVisit(deps, actor, visitId);
  const db = deps.db.kysely;
  const [office, regency, users] = await Promise.all([
    officePaper(db, actor.officeId),
    regencyOfDistrict(db, v.cooperative.district.code),
    v.team.length
      ? db
          .selectFrom('users')
          .select(['id', 'nip', 'rank', 'position'])
          .where(
            'id',
            'in',
            v.team.map((m) => m.userId),
          )
          .execute()
      : [],
  ]);
  const byId = new Map(users.map((u) => [u.id, u]));
  const c = v.cooperative;
  return sptPdf({
    office,
    stamp,
    team: v.team.map((m) => ({
      name: m.fullName,
      nip: byId.get(m.userId)?.nip ?? null,
      rank: byId.get(m.userId)?.rank ?? null,
      position: byId.get(m.userId)?.position ?? null,
      leader: m.leader,
      division: m.bidang ? BIDANG_LABELS[m.bidang] : office.shortName,
    })),
    cooperative: {
      name: c.name,
      address: `${villageKind(c.village.code) === 'KELURAHAN' ? 'Kelurahan' : 'Desa'} ${c.village.name}, Kecamatan ${c.district.name}, ${regency.name}`,
    },
    visit: {
      date: v.date,
      time: v.startTime ? `${v.startTime.replace(':', '.')} WIB` : null,
      purposes: v.purposes.map((p) => VISIT_PURPOSE_LABELS[p]),
      program: v.program?.name ?? null,
      approvedOn: v.approvedAt ? jakartaDate(v.approvedAt) : null,
    },
  });
}
