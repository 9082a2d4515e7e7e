// 重复信访: same ID number or phone within the window.
import { findEarlierCases, normalizePhone, repeatHint } from '../../src/core/duplicates';
import { fromShanghai } from '../../src/core/dates';
import type { Case } from '../../src/core/model';

const earlier = (caseNo: string, petitionDate: string, extra: Partial<Case> = {}): Case => ({
  caseNo,
  petitionDate,
  state: '已归档',
  ...extra,
});
const candidate: Case = {
  caseNo: '镜访〔2026〕050号',
  state: '待签收',
  petitionDate: '2026-03-10',
  idNumber: '11010519491231002x',
  phone: '138 1234 5678',
};

test('finds earlier cases by ID number (check character in either case) or by phone', () => {
  const cases = [
    earlier('镜访〔2025〕200号', '2025-06-01', { idNumber: '11010519491231002X' }),
    earlier('镜访〔2026〕010号', '2026-01-05', { phone: '+86 13812345678' }),
    earlier('镜访〔2026〕011号', '2026-01-06', { phone: '13900000000', idNumber: '440524188001010014' }),
  ];
  expect(findEarlierCases(candidate, cases)).toEqual(['镜访〔2025〕200号', '镜访〔2026〕010号']);
});

test('the window is configurable and defaults to 365 days', () => {
  const cases = [
    earlier('镜访〔2025〕001号', '2025-03-10', { idNumber: '11010519491231002X' }), // 365 days before
    earlier('镜访〔2025〕000号', '2025-03-09', { idNumber: '11010519491231002X' }), // 366 days before
  ];
  expect(findEarlierCases(candidate, cases)).toEqual(['镜访〔2025〕001号']);
  expect(findEarlierCases(candidate, cases, 30)).toEqual([]);
});

test('skips itself, later cases, and a same-day case registered after it', () => {
  const at = (h: number): Date => fromShanghai(2026, 3, 10, h);
  const me = { ...candidate, registeredAt: at(10) };
  const cases = [
    me,
    earlier('镜访〔2026〕060号', '2026-03-12', { phone: '13812345678' }),
    earlier('镜访〔2026〕049号', '2026-03-10', { phone: '13812345678', registeredAt: at(9) }),
    earlier('镜访〔2026〕051号', '2026-03-10', { phone: '13812345678', registeredAt: at(11) }),
  ];
  expect(findEarlierCases(me, cases)).toEqual(['镜访〔2026〕049号']);
});

test('no identity, no match; blank phones never match each other', () => {
  const blank: Case = { caseNo: 'x', state: '待签收', petitionDate: '2026-03-10' };
  expect(findEarlierCases(blank, [earlier('y', '2026-03-01')])).toEqual([]);
});

test('normalizePhone and repeatHint', () => {
  expect(normalizePhone('0086-138-1234-5678')).toBe('13812345678');
  expect(normalizePhone('0575-88001234')).toBe('057588001234');
  expect(repeatHint(['a', 'b'])).toBe('a、b');
});
