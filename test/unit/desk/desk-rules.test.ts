import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sniffDocument, zipEntry } from '../../../src/app/files/sniff.js';
import { hasQuorum, isBalanced, memberCountMismatch, quorumOf } from '../../../src/domain/desk/quorum.js';
import { countedValues } from '../../../src/domain/desk/verification.js';
import { ratCompliance } from '../../../src/domain/rat/compliance.js';
import { DOCX, PDF, PLAIN_ZIP, PNG, storedZip } from '../../api/desk-fixtures.js';

describe('quorum of a RAT', () => {
  it.each([
    // total, required, present, quorum, met
    [214, null, 108, 108, true],
    [214, null, 107, 108, false],
    [40, null, 20, 21, false],
    [41, null, 21, 21, true],
    [1, null, 1, 1, true],
    [40, 15, 15, 15, true],
    [40, 15, 14, 15, false],
  ] as const)('total %i, articles %s, present %i → quorum %i, met %s', (total, required, present, quorum, met) => {
    expect(quorumOf(total, required)).toBe(quorum);
    expect(hasQuorum({ membersPresent: present, membersTotal: total, quorumRequired: required })).toBe(met);
  });

  it('by default is always more than half of the members', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        (total) => quorumOf(total, null) * 2 > total && (quorumOf(total, null) - 1) * 2 <= total,
      ),
    );
  });

  it('flags a member count unlike the registry, not an empty registry', () => {
    expect(memberCountMismatch(214, 214)).toBe(false);
    expect(memberCountMismatch(214, 208)).toBe(true);
    expect(memberCountMismatch(0, 208)).toBe(false);
  });
});

describe('balance of a statement', () => {
  it.each([
    [1_000, 1_000, true],
    [1_000, 1_001, true],
    [1_001, 1_000, true],
    [1_000, 1_002, false],
    [622_800_000, 1_800_000_000, false],
  ] as const)('assets %i against liabilities and equity %i → balanced %s', (a, p, balanced) =>
    expect(isBalanced(a, p)).toBe(balanced),
  );
});

describe('what counts while a filing waits', () => {
  const current = { heldOn: '2025-06-15' };
  const previous = { heldOn: '2025-08-10' };
  it.each([
    ['never filed by the cooperative', undefined, current],
    ['verified', { status: 'VERIFIED' as const, previous: null }, current],
    ['waiting, over a verified record', { status: 'PENDING' as const, previous }, previous],
    ['returned, over a verified record', { status: 'RETURNED' as const, previous }, previous],
    ['waiting, new', { status: 'PENDING' as const, previous: null }, null],
    ['returned, new', { status: 'RETURNED' as const, previous: null }, null],
  ])('%s', (_name, filing, counted) => expect(countedValues(current, filing)).toEqual(counted));
});

describe('RAT status around founding and dissolution', () => {
  const meetings = [{ fiscalYear: 2022, heldOn: '2023-03-01' }];
  it('has no status at all before the founding', () => {
    expect(ratCompliance(meetings, '2020-05-01', '2020-04-30')).toEqual({
      active: false,
      latestDueYear: null,
      years: [],
      warnings: [],
    });
  });
  it('is never active from the day of dissolution', () => {
    expect(ratCompliance(meetings, '2020-05-01', '2023-07-01').active).toBe(true);
    expect(ratCompliance(meetings, '2020-05-01', '2023-07-01', 6, '2023-07-01').active).toBe(false);
    expect(ratCompliance(meetings, '2020-05-01', '2023-07-01', 6, '2023-07-02').active).toBe(true);
  });
});

describe('document type by content', () => {
  it.each([
    ['PDF', PDF, 'application/pdf'],
    ['PNG', PNG, 'image/png'],
    ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
    ['DOCX', DOCX, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    [
      'XLSX (stored zip)',
      storedZip({
        '[Content_Types].xml':
          '<Types><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
      }),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    ['a zip that is no Office file', PLAIN_ZIP, null],
    ['text', Buffer.from('%PD'), null],
    ['empty', Buffer.alloc(0), null],
  ])('%s', (_name, bytes, type) => expect(sniffDocument(bytes)).toBe(type));

  it('never throws on garbage, however it starts', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom([], [0x50, 0x4b, 0x03, 0x04], [0x25, 0x50, 0x44, 0x46, 0x2d]),
        (rest, head) => {
          const b = Buffer.from([...head, ...rest]);
          sniffDocument(b);
          zipEntry(b, '[Content_Types].xml');
        },
      ),
    );
  });
});
