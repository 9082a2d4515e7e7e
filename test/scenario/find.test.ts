// 查找 through the real bundle (issue 18): each 台账 searched column by column with TextFinder, only the rows it
// proposes read, with today's rule — 编号 and name contain the query as plain text, ID number and phone equal it once
// normalised, however they were typed — the first 50 in sheet order, a liaison seeing only their department's cases,
// and a case found in a yearly archive; 案件历史 finds the selected case's lines, and only its own.
import type { GasEnvironment } from '../../emulator/index';
import { archive, NOW, OFFICE, runToEnd, seed, ss, type FoundCase, type Seed } from './archive';
import { headerOf, lastAlert, ok, PEOPLE, rowNumberOf, startOffice } from './office';

const LIAISON = { user: PEOPLE.liaison.email }; // 规划建设部
const LIAISON2 = { user: PEOPLE.liaison2.email }; // 综合事务部

/** Sixty 2025 cases named 群众001…群众060 (the seed's default name), every other one of 综合事务部. */
const MANY: Seed[] = Array.from({ length: 60 }, (_, i) => ({
  no: `镜访〔2025〕${String(i + 1).padStart(3, '0')}号`,
  date: `2025-${String(1 + (i % 12)).padStart(2, '0')}-10`,
  state: '已归档',
}));
const CASES: Seed[] = [
  // An ID number stored as typed (spaces, lower-case x), a phone with dashes.
  {
    no: '镜访〔2026〕001号',
    date: '2026-01-05',
    state: '办理中',
    name: '张三',
    idNumber: '110105 19491231 002x',
    phone: '138-1234-5678',
  },
  // A name the first contains; a phone with a +86 prefix and spaces.
  { no: '镜访〔2026〕002号', date: '2026-01-05', state: '办理中', name: '张三丰', phone: '+86 139 0000 1111' },
  // The same ID number written the usual way; names with pattern characters; a phone in full-width digits.
  {
    no: '镜访〔2026〕003号',
    date: '2026-01-05',
    state: '办理中',
    name: '王(五)',
    idNumber: '11010519491231002X',
    phone: '１３７００００２２２２',
  },
  { no: '镜访〔2026〕004号', date: '2026-01-05', state: '办理中', name: '赵.*六' },
  ...MANY,
  // Received in 2023 and archived: moves to 信访台账归档 2023.
  {
    no: '镜访〔2023〕007号',
    date: '2023-05-04',
    state: '已归档',
    name: '钱七',
    idNumber: '330602199001011234',
    phone: '0575-8800 1234',
  },
];
const IN_GENERAL_AFFAIRS = new Set(['镜访〔2026〕002号', ...MANY.filter((_, i) => i % 2 === 1).map((c) => c.no)]);

const find = (env: GasEnvironment, query: string, who = OFFICE): FoundCase[] =>
  env.submitDialog('findCases', [query], who) as FoundCase[];
const nos = (found: FoundCase[]): string[] => found.map((f) => f.caseNo);

describe('查找 with TextFinder', () => {
  let env: GasEnvironment;
  beforeAll(() => {
    env = startOffice(NOW);
    seed(env, CASES);
    // 承办部室 of the cases of 综合事务部 (the seed gives every case 规划建设部).
    const sheet = ss(env).getSheetByName('台账')!;
    const col = headerOf(env, '台账').get('承办部室')!;
    for (const no of IN_GENERAL_AFFAIRS) sheet.getRange(rowNumberOf(env, no), col).setValue('综合事务部');
    expect(runToEnd(env).at(-1)).toMatchObject({ finished: true, moved: [{ year: 2023, count: 1 }] });
  });

  it('reads the query as plain text: brackets, ".*" and "(" match only where they are written', () => {
    expect(nos(find(env, '镜访〔2026〕'))).toEqual([
      '镜访〔2026〕001号',
      '镜访〔2026〕002号',
      '镜访〔2026〕003号',
      '镜访〔2026〕004号',
    ]);
    expect(nos(find(env, '.*'))).toEqual(['镜访〔2026〕004号']);
    expect(nos(find(env, '('))).toEqual(['镜访〔2026〕003号']);
    expect(nos(find(env, '(五)'))).toEqual(['镜访〔2026〕003号']);
    expect(find(env, '(张|李).*')).toEqual([]);
    expect(find(env, '[0-9]+')).toEqual([]);
    expect(find(env, '😀')).toEqual([]);
  });

  it('finds every name that contains the query, in sheet order', () => {
    expect(find(env, '张三').map((f) => [f.caseNo, f.name])).toEqual([
      ['镜访〔2026〕001号', '张三'],
      ['镜访〔2026〕002号', '张三丰'],
    ]);
    expect(nos(find(env, '三丰'))).toEqual(['镜访〔2026〕002号']);
  });

  it('finds an ID number however it was typed and stored: lower-case x, spaces, full width', () => {
    const both = ['镜访〔2026〕001号', '镜访〔2026〕003号'];
    expect(nos(find(env, '110105 19491231 002x'))).toEqual(both);
    expect(nos(find(env, '11010519491231002X'))).toEqual(both);
    expect(nos(find(env, '１１０１０５１９４９１２３１００２ｘ'))).toEqual(both);
    // The list shows it masked.
    expect(find(env, '11010519491231002x')[1]!.hint).toContain('110105********002X');
    expect(find(env, '11010519491231003X')).toEqual([]);
  });

  it('finds a phone typed with dashes, spaces or a prefix, whichever way the ledger holds it', () => {
    expect(nos(find(env, '13812345678'))).toEqual(['镜访〔2026〕001号']);
    expect(nos(find(env, '138 1234 5678'))).toEqual(['镜访〔2026〕001号']);
    expect(nos(find(env, '139-0000-1111'))).toEqual(['镜访〔2026〕002号']);
    expect(nos(find(env, '+86 137 0000 2222'))).toEqual(['镜访〔2026〕003号']);
    expect(find(env, '1381234567')).toEqual([]);
  });

  it('shows at most 50, the first in sheet order', () => {
    const found = find(env, '群众');
    expect(found).toHaveLength(50);
    expect(nos(found)).toEqual(MANY.slice(0, 50).map((c) => c.no));
    expect(find(env, '〕')).toHaveLength(50);
  });

  it('shows a liaison only their own department’s cases, the list full up to 50 of those', () => {
    expect(nos(find(env, '张三', LIAISON))).toEqual(['镜访〔2026〕001号']);
    expect(nos(find(env, '张三', LIAISON2))).toEqual(['镜访〔2026〕002号']);
    expect(find(env, '139-0000-1111', LIAISON)).toEqual([]);
    const own = MANY.filter((c) => !IN_GENERAL_AFFAIRS.has(c.no)).map((c) => c.no);
    expect(nos(find(env, '群众', LIAISON))).toEqual(own);
    expect(nos(find(env, '〕', LIAISON))).toEqual([
      '镜访〔2026〕001号',
      '镜访〔2026〕003号',
      '镜访〔2026〕004号',
      ...own,
      '镜访〔2023〕007号',
    ]);
  });

  it('finds a case only its yearly archive holds, by name, ID number or phone, naming the archive', () => {
    const where = { name: '信访台账归档 2023', url: archive(env, 2023).getUrl() };
    expect(find(env, '钱七')).toEqual([
      expect.objectContaining({ caseNo: '镜访〔2023〕007号', name: '钱七', state: '已归档', archive: where }),
    ]);
    expect(nos(find(env, '330602 19900101 1234'))).toEqual(['镜访〔2023〕007号']);
    expect(nos(find(env, '057588001234'))).toEqual(['镜访〔2023〕007号']);
    expect(nos(find(env, '镜访〔2023〕'))).toEqual(['镜访〔2023〕007号']);
  });

  it('案件历史 shows the selected case’s own lines, and jumps find the row', () => {
    env.open(OFFICE);
    env.select('台账', `B${rowNumberOf(env, '镜访〔2026〕001号')}`, OFFICE);
    ok(env);
    env.clickMenu('信访台账', '案件历史', OFFICE);
    const [title, ...lines] = lastAlert(env).split('\n');
    expect(title).toBe('案件历史 · 镜访〔2026〕001号');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('登记');
    expect(env.submitDialog('jumpToCase', ['镜访〔2025〕033号'], OFFICE)).toBe(true);
    expect(ss(env).getActiveRange()!.getRow()).toBe(rowNumberOf(env, '镜访〔2025〕033号'));
    expect(env.submitDialog('jumpToCase', ['镜访〔2025〕03'], OFFICE)).toBe(false);
    expect(() => env.submitDialog('jumpToCase', ['镜访〔2026〕002号'], LIAISON)).toThrow('不是您所在部室的信访件');
  });
});
