// The annex forms as data: the templates hold exactly the placeholders the box table fills and every seed label;
// dates, ticks and missing values print as the forms want; the one batchUpdate keeps every value literal.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fromShanghai } from '../../src/core/dates';
import {
  ANNEXES,
  ANNEX_BOXES,
  ANNEX_NOS,
  BLANK_DATE,
  BOXES,
  fillRequests,
  folderSharing,
  formDate,
  formProblem,
  formValues,
  placeholder,
  placeholdersIn,
  type FormContext,
} from '../../src/core/forms';
import type { Case, Person } from '../../src/core/model';
import { DEFAULT_SETTINGS } from '../../src/core/roles';

const template = (file: string): string =>
  readFileSync(path.join(__dirname, '..', '..', 'templates', `${file}.html`), 'utf8');

/** The text a person reads in a template: tags dropped, whitespace collapsed as the HTML conversion does. */
const visibleText = (html: string): string =>
  html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(title|style|script)[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[ \t\n\r]+/g, ' ');

const ctx = (c: Partial<Case>, extra: Partial<FormContext> = {}): FormContext => ({
  c: { state: '办理中', ...c } as Case,
  officeName: '镜湖新区开发办',
  officeFullName: '绍兴市镜湖新区开发建设办公室',
  bureau: '绍兴市信访局',
  ...extra,
});

describe('templates/ and the box table', () => {
  it.each(ANNEX_NOS)('annex %i: the template holds exactly the placeholders the table fills', (n) => {
    expect(placeholdersIn(template(ANNEXES[n].file)).sort()).toEqual([...new Set(ANNEX_BOXES[n])].sort());
  });

  it.each(ANNEX_NOS)('annex %i: every label of the seed is in the template, word for word', (n) => {
    const text = visibleText(template(ANNEXES[n].file));
    for (const label of ANNEXES[n].labels) expect(text).toContain(label);
  });

  it('every box of every annex is in the table', () => {
    for (const n of ANNEX_NOS) for (const name of ANNEX_BOXES[n]) expect(BOXES[name]).toBeDefined();
  });
});

describe('how values print', () => {
  it('prints dates as 2026年10月05日 (an instant by its Shanghai date) and a blank date line when missing', () => {
    expect(formDate('2026-10-05')).toBe('2026年10月05日');
    expect(formDate(fromShanghai(2026, 10, 5, 0, 30))).toBe('2026年10月05日');
    expect(formDate(undefined)).toBe(BLANK_DATE);
  });

  it('ticks the chosen option of each group and leaves the others (all empty when unset)', () => {
    const v = new Map(
      formValues(3, ctx({ source: '上级', form: '网上信访', satisfaction: '不满意', weeklyConsult: false })).map(
        (x) => [x.name, x.value],
      ),
    );
    expect([v.get('信访件来源:上级'), v.get('信访件来源:本级')]).toEqual(['☑', '☐']);
    expect(['来信', '来访', '来电', '网上信访', '信访代办'].map((o) => v.get(`信访形式:${o}`))).toEqual([
      '☐',
      '☐',
      '☐',
      '☑',
      '☐',
    ]);
    expect(['满意', '基本满意', '不满意'].map((o) => v.get(`信访人意见:${o}`))).toEqual(['☐', '☐', '☑']);
    expect([v.get('是否进入周会商:是'), v.get('是否进入周会商:否')]).toEqual(['☐', '☑']);
    expect([v.get('是否进入督查督办:是'), v.get('是否进入督查督办:否')]).toEqual(['☐', '☐']);
    expect([v.get('回访方式:电话'), v.get('回访方式:当面')]).toEqual(['☐', '☐']);
  });

  it.each(ANNEX_NOS)('annex %i of an empty case prints empty boxes, never undefined or null', (n) => {
    for (const { value } of formValues(n, ctx({}))) expect(value).not.toMatch(/undefined|null|NaN/);
  });

  it('annex 5 titles the case without a doubled 号', () => {
    const v = formValues(5, ctx({ caseNo: '镜访〔2026〕012号' })).find((x) => x.name === '信访件号');
    expect(v?.value).toBe('镜访〔2026〕012');
  });
});

/** What Docs does with the requests: each replaceAllText in order, literal, over the whole text. */
function applyLiterally(text: string, requests: ReturnType<typeof fillRequests>): string {
  let out = text;
  for (const r of requests) out = out.split(r.replaceAllText.containsText.text).join(r.replaceAllText.replaceText);
  return out;
}

describe('the one batchUpdate that fills a copy', () => {
  const tricky = [
    '$1',
    '$&',
    '\\',
    '\\n',
    '.*',
    '{{信访人姓名}}',
    '{{编号}}',
    '😀👨‍👩‍👧',
    'x'.repeat(3000),
    '\uE000\uE001',
  ];

  it('leaves every value exactly as typed, even one that looks like a placeholder or a marker', () => {
    const names = ['信访人姓名', '编号', '信访诉求', '联系电话'];
    const doc = names.map(placeholder).join('|');
    for (const a of tricky)
      for (const b of tricky) {
        const values = [
          { name: '信访人姓名', value: a },
          { name: '编号', value: b },
          { name: '信访诉求', value: `${b}{{联系电话}}${a}` },
          { name: '联系电话', value: '138' },
        ];
        expect(applyLiterally(doc, fillRequests(values))).toBe(values.map((v) => v.value).join('|'));
      }
  });

  it('replaces every placeholder of a template in one batch of literal, case-sensitive requests', () => {
    const values = formValues(3, ctx({ petitionerName: '张三' }));
    const reqs = fillRequests(values);
    expect(reqs).toHaveLength(values.length * 2);
    for (const r of reqs) expect(r.replaceAllText.containsText.matchCase).toBe(true);
    expect(applyLiterally(template('annex3'), reqs)).not.toMatch(/\{\{[^{}]+\}\}/);
  });
});

describe('when a case may have a form', () => {
  it('refuses annex 3 before 签收, annex 4 for a case that is not a visit, annex 5 before a 不满意', () => {
    expect(formProblem(3, { state: '待签收', caseNo: 'A' } as Case)).toMatch(/A 尚未签收/);
    expect(formProblem(3, { state: '待交办签批' } as Case)).toBeNull();
    expect(formProblem(4, { state: '办理中', form: '网上信访' } as Case)).toMatch(/只用于来访/);
    expect(formProblem(4, { state: '办理中', form: '来访' } as Case)).toBeNull();
    expect(formProblem(5, { state: '已回访', satisfaction: '满意' } as Case)).toMatch(/不满意后才能生成/);
    expect(formProblem(5, { state: '核实中', satisfaction: '不满意' } as Case)).toBeNull();
    expect(formProblem(6, { state: '核实中', satisfaction: '不满意' } as Case)).toMatch(/尚未提交核实情况说明/);
    expect(formProblem(7, { state: '办理中' } as Case)).toMatch(/还没有联系函/);
    expect(formProblem(7, { state: '办理中' } as Case, 1)).toBeNull();
  });
});

describe('who may open a case folder', () => {
  const person = (email: string, roles: Person['roles'], departments: string[] = []): Person => ({
    email,
    name: email,
    roles,
    departments,
  });
  const people = [
    person('office@x', ['信访办']),
    person('principal@x', ['主职领导']),
    person('petition@x', ['信访工作分管领导']),
    person('line@x', ['事项分管领导'], ['规划建设部']),
    person('otherline@x', ['事项分管领导'], ['经济发展部']),
    person('liaison@x', ['部室联络员'], ['规划建设部']),
    person('handler@x', ['承办人'], ['规划建设部']),
  ];

  it('the 信访办 writes; the case’s signing leaders read; departments and other lines never', () => {
    const c = { state: '办理中', department: '规划建设部', matterType: '投诉' } as Case;
    expect(folderSharing(c, people, DEFAULT_SETTINGS)).toEqual({
      writers: ['office@x'],
      readers: ['principal@x', 'petition@x', 'line@x'],
    });
  });

  it('a 检举控告 case: the 信访办 and its own signers only', () => {
    const c = { state: '办理中', department: '规划建设部', matterType: '检举控告' } as Case;
    const s = folderSharing(c, people, DEFAULT_SETTINGS);
    expect(s.writers).toEqual(['office@x']);
    expect(s.readers).not.toContain('otherline@x');
    expect(s.readers).not.toContain('liaison@x');
    expect(s.readers).not.toContain('handler@x');
  });
});
