import { RANUAGUNG, TIRIS } from '../harness.js';
import type { RouteSample } from './types.js';

/** Route × role samples of the region levels and the cooperative transfer (issue 11). */
export const REGION_SAMPLES: Record<string, RouteSample> = {
  'GET /api/v1/regions/provinces': {},
  'GET /api/v1/regions/provinces/:code/regencies': {},
  'GET /api/v1/regions/regencies/:code/districts': {},
  'GET /api/v1/regions/districts': {},
  'GET /api/v1/regions/districts/:code/villages': {},
  'POST /api/v1/cooperatives/:id/transfer': {
    body: { authorityLevel: 'PROVINSI', reason: 'uji peran: anggota lintas kabupaten' },
    // A fresh cooperative each call: a transfer only goes upwards once.
    fixture: async ({ api, adminCookie }) => {
      const res = await api.req({
        method: 'POST',
        url: '/api/v1/cooperatives',
        cookie: adminCookie,
        body: {
          name: `Koperasi Uji Serah ${Math.random().toString(36).slice(2, 8)}`,
          type: 'JASA',
          group: 'LAINNYA',
          districtCode: TIRIS,
          villageCode: RANUAGUNG,
        },
      });
      return `/api/v1/cooperatives/${res.json().id as string}/transfer`;
    },
  },
};
