import type { MetaOut, OptionOut, RegionOut, VillageOut } from '@contract/meta';
import type {
  AuditEventOut,
  CooperativeDetailOut,
  CooperativeInput,
  CooperativeListItemOut,
  CooperativeOut,
  FigureOut,
  MeOut,
  Page,
  UnitOut,
  UserOut,
} from '@contract/common';

export type { Bidang, Role } from '@domain/codes';

/** GET /api/v1/auth/me (src/contract/common.ts: meOut). */
export type Me = MeOut;

/** A code with its Indonesian label (src/contract/meta.ts). */
export type CodeLabel = OptionOut;

/** GET /api/v1/meta (src/contract/meta.ts: metaOut). */
export type Meta = MetaOut;

export type Region = RegionOut;

export type Village = VillageOut;

export type Id = string | number;

export type CoopListItem = CooperativeListItemOut;

/** What the cooperative form sends (src/contract/common.ts: createCooperativeBody). */
export type CoopInput = CooperativeInput;

export type Officer = NonNullable<CoopInput['officers']>[number];

/** A cooperative as served (src/contract/common.ts: cooperativeOut). */
export type Coop = CooperativeOut;

/** A cooperative as its detail page reads it, with `can` (src/contract/common.ts: cooperativeDetailOut). */
export type CoopDetail = CooperativeDetailOut;

/** Yearly figures as served; the form edits one without its `verification` (the server sets it). */
export type Figure = Omit<FigureOut, 'verification'> & Partial<Pick<FigureOut, 'verification'>>;

export type UnitPermits = UnitOut['permits'];

export type Unit = UnitOut;

/** The unit form's state: a unit without its id, the sector as picked (a code of UNIT_SECTORS). */
export type UnitInput = Omit<Unit, 'id' | 'sector'> & { sector: string };

export type User = UserOut;

export type Change = AuditEventOut['changes'][string];

export type AuditEvent = AuditEventOut;

export type { Page };
