// The environment probe (issue 19): the facts the local runtime assumes, checked by the same code in the local
// runtime (npm test) and in real Apps Script (帮助 › 运行自检 in a copy of the ledger). Every expected value comes
// from the reference page or guide the check cites, never from the runtime's own output; where the two disagree the
// check fails, and that is the point. It works in a scratch sheet it creates and deletes, plus one scratch Doc.
import { idNumberPattern, phonePattern } from '../../core/duplicates';
import { findInColumn, type ColumnSearch } from '../text-search';

/** One automatic check: what the reference says (`expected`) beside what this platform did (`actual`). */
export interface ProbeCheck {
  id: string;
  title: string;
  reference: string;
  expected: string;
  actual: string;
  pass: boolean;
}

/** One timed operation: the milliseconds measured here beside the runtime's modelled price. */
export interface ProbeTiming {
  id: string;
  title: string;
  modelledMs: number;
  measuredMs: number;
}

/** A check that needs a person: what to do and what to look for. */
export interface ManualStep {
  id: string;
  title: string;
  reference: string;
  steps: string;
  lookFor: string;
}

export interface ProbeReport {
  checks: ProbeCheck[];
  timings: ProbeTiming[];
  manual: ManualStep[];
}

/** The scratch sheet the probe works in; deleted when it ends. */
export const SCRATCH_SHEET = '自检临时';

const REF = {
  services:
    'https://developers.google.com/apps-script/reference （内置服务）；https://developers.google.com/apps-script/guides/services/advanced （高级服务）',
  formatDate: 'https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)',
  scriptZone:
    'https://developers.google.com/apps-script/reference/base/session#getScriptTimeZone() ；appsscript.json「timeZone」',
  lastRow: 'https://developers.google.com/apps-script/reference/spreadsheet/sheet#getLastRow()',
  setValue:
    'https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object) ；按用户输入解析：https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption （USER_ENTERED）',
  plainText:
    'https://developers.google.com/apps-script/reference/spreadsheet/range#setNumberFormat(String) ；https://developers.google.com/sheets/api/guides/formats （"@" 文本）',
  dates:
    'https://developers.google.com/apps-script/reference/spreadsheet/range#getValues() ；https://developers.google.com/sheets/api/guides/formats#about_date_time_values',
  activeUser: 'https://developers.google.com/apps-script/reference/base/session#getActiveUser() ；#getEffectiveUser()',
  replaceAllText: 'https://developers.google.com/docs/api/reference/rest/v1/documents/request#replacealltextrequest',
  htmlToDoc: 'https://developers.google.com/drive/api/guides/manage-uploads#import_docs （导入时转换为 Google 文档）',
  copyTo:
    'https://developers.google.com/apps-script/reference/spreadsheet/range#copyTo(Range) ；https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#copypasterequest （destination：目标是源的整数倍时重复填充）',
  validation:
    'https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#setAllowInvalid(Boolean)',
  lock: 'https://developers.google.com/apps-script/reference/lock/lock#tryLock(Integer)',
  sort: 'https://developers.google.com/apps-script/reference/spreadsheet/range#sort(Object)',
  triggers: 'https://developers.google.com/apps-script/guides/triggers （简单触发器的限制）',
  installable: 'https://developers.google.com/apps-script/guides/triggers/installable',
  webApp:
    'https://developers.google.com/apps-script/guides/web ；https://developers.google.com/apps-script/guides/bound',
  textFinder:
    'https://developers.google.com/apps-script/reference/spreadsheet/text-finder#useRegularExpression(Boolean) ；正则按 Java 规则：https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#findreplacerequest （searchByRegex）',
} as const;

/**
 * What the local runtime assumes these operations cost (modelled milliseconds): the central figures of
 * ../shared/docs/apps-script-costs.md (table "Per call and per cell": a round trip 40 ms, 35 µs a cell read,
 * 100 µs a cell written; a TextFinder scan a quarter of the read price a cell, assumed), as emulator/host/costs.ts
 * prices them. Shown beside the measured time; not a pass/fail check (a shared platform's speed varies).
 */
export const MODELLED_MS = {
  /** getValues of 10,000 × 4 cells: one round trip + 40,000 × 35 µs. */
  read40k: 40 + 40_000 * 0.035,
  /** setValues of 10,000 cells, committed by flush(): one round trip + 10,000 × 100 µs. */
  write10k: 40 + 10_000 * 0.1,
  /** A TextFinder over 50,000 cells: one round trip + 50,000 × 8.75 µs. */
  find50k: 40 + 50_000 * 0.00875,
} as const;

/** A fixed instant: 2026-10-09 01:02:03 UTC = 09:02:03 in Asia/Shanghai (UTC+8, no daylight time). */
const INSTANT = Date.UTC(2026, 9, 9, 1, 2, 3);

interface Check {
  id: string;
  title: string;
  reference: string;
  expected: string;
  run: (ctx: ProbeContext) => string;
}

interface ProbeContext {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  zone: string;
  /** The scratch Google Doc, made on first use (HTML converted by Drive, as the form templates are); removed at the end. */
  docId?: string;
}

/** The scratch Doc: a paragraph with a placeholder and a 1×2 table, converted from HTML. */
function scratchDoc(ctx: ProbeContext): string {
  if (ctx.docId) return ctx.docId;
  const html = '<html><body><p>合计{{x}}</p><table><tr><td>甲</td><td>乙</td></tr></table></body></html>';
  const blob = Utilities.newBlob(html, 'text/html', 'probe.html');
  ctx.docId = Drive!.Files.create({ name: '自检临时文档', mimeType: 'application/vnd.google-apps.document' }, blob, {
    fields: 'id',
  }).id!;
  return ctx.docId;
}

const kind = (v: unknown): string =>
  v instanceof Date
    ? 'Date'
    : v === ''
      ? '空'
      : typeof v === 'string'
        ? 'String'
        : typeof v === 'number'
          ? 'Number'
          : typeof v;

/** The typed cell at `a1`, written by setValue and read back: "<type> <value> | <display value>". */
function typed(ctx: ProbeContext, a1: string, value: string, plainText = false): string {
  const r = ctx.sheet.getRange(a1);
  if (plainText) r.setNumberFormat('@');
  r.setValue(value);
  const v = r.getValue();
  const shown = v instanceof Date ? Utilities.formatDate(v, ctx.zone, 'yyyy-MM-dd HH:mm') : String(v);
  return `${kind(v)} ${shown}`;
}

const CHECKS: Check[] = [
  {
    id: 'globals',
    title: '脚本可用的服务（内置与已启用的高级服务 Drive、Docs）',
    reference: REF.services,
    expected:
      'SpreadsheetApp,PropertiesService,LockService,CacheService,Utilities,Session,MailApp,HtmlService,ScriptApp,UrlFetchApp,Drive,Docs 均为 object',
    run: () => {
      const names = [
        'SpreadsheetApp',
        'PropertiesService',
        'LockService',
        'CacheService',
        'Utilities',
        'Session',
        'MailApp',
        'HtmlService',
        'ScriptApp',
        'UrlFetchApp',
        'Drive',
        'Docs',
      ];
      const g = globalThis as unknown as Record<string, unknown>;
      const missing = names.filter((n) => typeof g[n] !== 'object' || g[n] === null);
      return missing.length ? `缺少：${missing.join(',')}` : `${names.join(',')} 均为 object`;
    },
  },
  {
    id: 'scriptZone',
    title: '脚本时区（清单 appsscript.json 的 timeZone）',
    reference: REF.scriptZone,
    expected: 'Asia/Shanghai',
    run: () => Session.getScriptTimeZone(),
  },
  {
    id: 'formatDate.iso',
    title: "Utilities.formatDate：GMT，模式 yyyy-MM-dd'T'HH:mm:ss'Z'（引号内为原文）",
    reference: REF.formatDate,
    expected: '2026-10-09T01:02:03Z',
    run: () => Utilities.formatDate(new Date(INSTANT), 'GMT', "yyyy-MM-dd'T'HH:mm:ss'Z'"),
  },
  {
    id: 'formatDate.zone',
    title: 'Utilities.formatDate：Asia/Shanghai，模式 yyyy-MM-dd HH:mm:ss Z',
    reference: REF.formatDate,
    expected: '2026-10-09 09:02:03 +0800',
    run: () => Utilities.formatDate(new Date(INSTANT), 'Asia/Shanghai', 'yyyy-MM-dd HH:mm:ss Z'),
  },
  {
    id: 'formatDate.fields',
    title: 'Utilities.formatDate：年中第几天 D、星期序号 u（1=星期一）、两位年 yy',
    reference: REF.formatDate,
    expected: '282 5 26',
    run: () => Utilities.formatDate(new Date(INSTANT), 'Asia/Shanghai', 'D u yy'),
  },
  {
    id: 'lastRow.empty',
    title: '空工作表的 getLastRow()',
    reference: REF.lastRow,
    expected: '0',
    run: (ctx) => String(ctx.sheet.getLastRow()),
  },
  {
    id: 'setValue.leadingZeros',
    title: "setValue('00042') 读回（常规格式：按用户输入解析为数字）",
    reference: REF.setValue,
    expected: 'Number 42',
    run: (ctx) => typed(ctx, 'A1', '00042'),
  },
  {
    id: 'setValue.plainText',
    title: "先设纯文本格式 @，再 setValue('00042') 读回（getValue 与 getDisplayValue）",
    reference: REF.plainText,
    expected: 'String 00042，显示 00042',
    run: (ctx) => `${typed(ctx, 'A2', '00042', true)}，显示 ${ctx.sheet.getRange('A2').getDisplayValue()}`,
  },
  {
    id: 'setValue.idNumber',
    title: '18 位身份证号码（常规格式）读回为数字，末位精度丢失',
    reference: REF.setValue,
    expected: 'Number，≠ 330602199001011234',
    run: (ctx) => {
      const r = ctx.sheet.getRange('A3');
      r.setValue('330602199001011234');
      const v = r.getValue();
      return `${kind(v)}，${String(v) === '330602199001011234' ? '=' : '≠'} 330602199001011234`;
    },
  },
  {
    id: 'setValue.idNumberText',
    title: '18 位身份证号码（纯文本格式 @）原样读回',
    reference: REF.plainText,
    expected: 'String 330602199001011234',
    run: (ctx) => typed(ctx, 'A4', '330602199001011234', true),
  },
  {
    id: 'setValue.date',
    title: "setValue('2026-10-09') 读回为日期（表格时区的当日零点）",
    reference: REF.setValue,
    expected: 'Date 2026-10-09 00:00',
    run: (ctx) => typed(ctx, 'A5', '2026-10-09'),
  },
  {
    id: 'getValues.zone',
    title: "写入 '2026-10-09 08:30' 后 getValues 得到的日期，按表格时区格式化",
    reference: REF.dates,
    expected: 'Date 2026-10-09 08:30',
    run: (ctx) => {
      ctx.sheet.getRange('B1').setValue('2026-10-09 08:30');
      const v = ctx.sheet.getRange('B1:B1').getValues()[0]![0];
      return `${kind(v)} ${v instanceof Date ? Utilities.formatDate(v, ctx.zone, 'yyyy-MM-dd HH:mm') : String(v)}`;
    },
  },
  {
    id: 'getValues.dateRoundTrip',
    title: '写入一个 Date 再 getValues 读回，是同一时刻',
    reference: REF.dates,
    expected: `Date ${INSTANT}`,
    run: (ctx) => {
      ctx.sheet.getRange('B2').setValue(new Date(INSTANT));
      const v = ctx.sheet.getRange('B2').getValues()[0]![0];
      return `${kind(v)} ${v instanceof Date ? v.getTime() : String(v)}`;
    },
  },
  {
    id: 'activeUser.menu',
    title: '菜单执行中 Session.getActiveUser() 与 getEffectiveUser() 是同一账号，且不为空',
    reference: REF.activeUser,
    expected: '相同，非空',
    run: () => {
      const a = Session.getActiveUser().getEmail();
      const e = Session.getEffectiveUser().getEmail();
      return `${a === e ? '相同' : `不同（${a || '空'} / ${e || '空'}）`}，${a ? '非空' : '空'}`;
    },
  },
  {
    id: 'copyTo.larger',
    title: 'copyTo 到更大的目标区域（1×2 的源，3×2 的目标）',
    reference: REF.copyTo,
    expected: '甲,乙|甲,乙|甲,乙',
    run: (ctx) => {
      ctx.sheet.getRange('D1:E1').setValues([['甲', '乙']]);
      ctx.sheet.getRange('D1:E1').copyTo(ctx.sheet.getRange('D3:E5'));
      return ctx.sheet
        .getRange('D3:E5')
        .getValues()
        .map((row) => row.join(','))
        .join('|');
    },
  },
  {
    id: 'validation.default',
    title: '新建的数据验证规则默认 allowInvalid（仅警告，不拒绝）',
    reference: REF.validation,
    expected: 'true',
    run: () => String(SpreadsheetApp.newDataValidation().requireValueInList(['甲', '乙']).build().getAllowInvalid()),
  },
  {
    id: 'validation.reject',
    title: 'setAllowInvalid(false) 的规则设到单元格后读回',
    reference: REF.validation,
    expected: 'false',
    run: (ctx) => {
      const rule = SpreadsheetApp.newDataValidation().requireValueInList(['甲', '乙']).setAllowInvalid(false).build();
      const cell = ctx.sheet.getRange('F1');
      cell.setDataValidation(rule);
      return String(cell.getDataValidation()?.getAllowInvalid());
    },
  },
  {
    id: 'lock.tryLock0',
    title: 'LockService.getScriptLock().tryLock(0)：无人持有时立即取得；releaseLock 后 hasLock 为 false',
    reference: REF.lock,
    expected: 'tryLock=true hasLock=true 释放后 hasLock=false',
    run: () => {
      const lock = LockService.getScriptLock();
      const got = lock.tryLock(0);
      const has = lock.hasLock();
      lock.releaseLock();
      return `tryLock=${got} hasLock=${has} 释放后 hasLock=${lock.hasLock()}`;
    },
  },
  {
    id: 'docs.htmlTable',
    title: 'Drive.Files.create 把含 1×2 表格的 HTML 转为 Google 文档，表格保留',
    reference: REF.htmlToDoc,
    expected: '表格 1 个：1 行 2 列（甲、乙）',
    run: (ctx) => {
      const tables = (Docs!.Documents!.get(scratchDoc(ctx)).body?.content ?? []).filter((el) => el.table);
      const t = tables[0]?.table;
      const cells = (t?.tableRows?.[0]?.tableCells ?? []).map((c) =>
        docText({ body: { content: c.content ?? [] } }).trim(),
      );
      return `表格 ${tables.length} 个：${t?.rows ?? 0} 行 ${t?.columns ?? 0} 列（${cells.join('、')}）`;
    },
  },
  {
    id: 'docs.replaceAllText',
    title: 'Docs batchUpdate replaceAllText：替换文本中的 $1 按原文写入（不是正则的反向引用）',
    reference: REF.replaceAllText,
    expected: '含「金额$1元」，不含 {{x}}',
    run: (ctx) => {
      const id = scratchDoc(ctx);
      Docs!.Documents!.batchUpdate(
        {
          requests: [{ replaceAllText: { containsText: { text: '{{x}}', matchCase: true }, replaceText: '金额$1元' } }],
        },
        id,
      );
      const text = docText(Docs!.Documents!.get(id));
      return `${text.includes('金额$1元') ? '含' : '不含'}「金额$1元」，${text.includes('{{x}}') ? '含' : '不含'} {{x}}`;
    },
  },
  {
    id: 'sort.rowsMove',
    title: 'Range.sort 按第一列排序时整行移动（行锚「系统编号」随行走）',
    reference: REF.sort,
    expected: 'a,A-1|b,A-2|c,A-3',
    run: (ctx) => {
      const r = ctx.sheet.getRange('H1:I3');
      r.setValues([
        ['c', 'A-3'],
        ['a', 'A-1'],
        ['b', 'A-2'],
      ]);
      r.sort({ column: 8, ascending: true });
      return r
        .getValues()
        .map((row) => row.join(','))
        .join('|');
    },
  },
  {
    id: 'textFinder.find',
    title:
      '「查找」的 TextFinder：身份证号码、电话按规范化后相等的正则（小写 x、空格、全角、短横线、+86），普通文本中的 .* 和 ( 按原文',
    reference: REF.textFinder,
    expected: '身份证 K2,K3；电话 K5；.* K7；( K7',
    run: (ctx) => {
      const cells = [
        '110105 19491231 002x',
        '１１０１０５１９４９１２３１００２Ｘ',
        '11010519491231003X',
        '+86 138-1234-5678',
      ];
      const column = ctx.sheet.getRange('K1:K7').setNumberFormat('@');
      column.setValues([['查找'], ...[...cells, '1381234567', '(1) .*'].map((v) => [v])]);
      const rows = (s: ColumnSearch) =>
        findInColumn(ctx.sheet, 11, s)
          .map((r) => r.getA1Notation())
          .join(',') || '无';
      return [
        `身份证 ${rows({ text: idNumberPattern('11010519491231002X'), pattern: true, matchCase: true })}`,
        `电话 ${rows({ text: phonePattern('13812345678'), pattern: true, matchCase: true })}`,
        `.* ${rows({ text: '.*', matchCase: true })}`,
        `( ${rows({ text: '(', matchCase: true })}`,
      ].join('；');
    },
  },
];

/** The body text of a Docs API document. */
function docText(doc: GoogleAppsScript.Docs.Schema.Document): string {
  let out = '';
  for (const el of doc.body?.content ?? []) {
    for (const pe of el.paragraph?.elements ?? []) out += pe.textRun?.content ?? '';
    for (const row of el.table?.tableRows ?? [])
      for (const cell of row.tableCells ?? []) out += docText({ body: { content: cell.content ?? [] } });
  }
  return out;
}

const MANUAL: ManualStep[] = [
  {
    id: 'manual.simpleTrigger',
    title: '另一位同事打开副本时，简单触发器 onOpen 照常加上菜单',
    reference: REF.triggers,
    steps: '把本副本共享给一位同单位的同事（编辑者），请其打开。',
    lookFor: '菜单「信访台账」出现；「扩展程序 › Apps Script › 执行」中该次 onOpen 没有错误。',
  },
  {
    id: 'manual.secondEditor',
    title: '第二位编辑者直接改动「状态」会被恢复并记入流转记录（可安装的编辑触发器）',
    reference: REF.installable,
    steps:
      '副本不带触发器：先在副本中点「信访台账 › 初始化/修复 › 接管定时任务」（不会把副本记为台账；副本的「人员」只有您，提醒只发给您），' +
      '再请上一步的同事在「台账」任一件的「状态」单元格里改一个值。',
    lookFor: '片刻后原值恢复，单元格有批注，「流转记录」新增一行「恢复原值」，写明改动人的邮箱。',
  },
  {
    id: 'manual.webApp',
    title: '部室工作台（网页）只对本单位账号开放，按「人员」表识别访问者，看不到表格',
    reference: REF.webApp,
    steps: '在原台账点「复制工作台链接」，请一位部室联络员用单位账号打开该链接，再请一位未登记的同事打开。',
    lookFor: '联络员看到「我的待办」且只有本部室的信访件；未登记的同事看到「未登记，请联系信访办」。',
  },
];

/** Runs every check in a scratch sheet of `ss` (created, then deleted) and times the three operations. */
export function runProbe(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): ProbeReport {
  const old = ss.getSheetByName(SCRATCH_SHEET);
  if (old) ss.deleteSheet(old);
  const sheet = ss.insertSheet(SCRATCH_SHEET);
  const ctx: ProbeContext = { ss, sheet, zone: ss.getSpreadsheetTimeZone() };
  try {
    const checks = CHECKS.map((c) => {
      let actual: string;
      try {
        actual = c.run(ctx);
      } catch (e) {
        actual = `出错：${e instanceof Error ? e.message : String(e)}`;
      }
      return {
        id: c.id,
        title: c.title,
        reference: c.reference,
        expected: c.expected,
        actual,
        pass: actual === c.expected,
      };
    });
    return { checks, timings: timeOperations(ss), manual: MANUAL };
  } finally {
    ss.deleteSheet(ss.getSheetByName(SCRATCH_SHEET)!);
    if (ctx.docId) Drive!.Files.remove(ctx.docId);
  }
}

/** Times the three operations the cost model prices most, in a second scratch sheet of 10,000 × 5 cells. */
function timeOperations(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): ProbeTiming[] {
  const name = `${SCRATCH_SHEET}计时`;
  const old = ss.getSheetByName(name);
  if (old) ss.deleteSheet(old);
  const sheet = ss.insertSheet(name);
  try {
    const rows = 10_000;
    sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
    const grid = Array.from({ length: rows }, (_, i) => [`甲${i}`, `乙${i}`, `丙${i}`, `丁${i}`, `戊${i}`]);
    sheet.getRange(1, 1, rows, 5).setValues(grid);
    SpreadsheetApp.flush();
    const time = (fn: () => void): number => {
      const t = Date.now();
      fn();
      return Date.now() - t;
    };
    const read = time(() => sheet.getRange(1, 1, rows, 4).getValues());
    const col = grid.map((r) => [r[4]!.replace('戊', '己')]);
    const write = time(() => {
      sheet.getRange(1, 5, rows, 1).setValues(col);
      SpreadsheetApp.flush();
    });
    const find = time(() => sheet.getRange(1, 1, rows, 5).createTextFinder('丙9999').findAll());
    return [
      {
        id: 'time.read40k',
        title: 'getValues 读 10,000 × 4 个单元格',
        modelledMs: MODELLED_MS.read40k,
        measuredMs: read,
      },
      {
        id: 'time.write10k',
        title: 'setValues 写 10,000 个单元格（含 flush）',
        modelledMs: MODELLED_MS.write10k,
        measuredMs: write,
      },
      {
        id: 'time.find50k',
        title: 'TextFinder 查找 50,000 个单元格',
        modelledMs: MODELLED_MS.find50k,
        measuredMs: find,
      },
    ];
  } finally {
    ss.deleteSheet(ss.getSheetByName(name)!);
  }
}
