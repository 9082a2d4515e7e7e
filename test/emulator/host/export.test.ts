// env.exportTo(dir): a spreadsheet, a Google Doc, a mail and a webhook call written as .xlsx, .docx, .eml and
// .json, read back with exceljs, jszip and mailparser; the .docx and the .xlsx converted by LibreOffice where
// installed. Row and column groups, frozen panes and merged cells in the .xlsx, read back the same ways.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { simpleParser } from 'mailparser';
import { createGasEnvironment, type GasEnvironment } from '../../../emulator/index';
import { sofficeConvert, TOOLS, testWithTools } from '../../helpers/tools';
import { APP_SCOPES, ADVANCED } from '../manifest';

const APP = `
function produce() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  sheet.setName('台账');
  sheet.getRange('A1:C1').setValues([['编号', '登记日期', '状态']]).setFontWeight('bold').setBackground('#d9ead3');
  sheet.getRange('A2:C3').setValues([['2024-001', new Date(2024, 2, 5), '办理中'], ['2024-002', new Date(2024, 2, 6), '已办结']]);
  sheet.getRange('A2:A3').setNumberFormat('@');
  sheet.getRange('B2:B3').setNumberFormat('yyyy-mm-dd');
  sheet.setFrozenRows(1);
  sheet.setColumnWidth(1, 140);
  sheet.getRange('C2:C3').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['办理中', '已办结']).build());
  sheet.insertChart(sheet.newChart().asColumnChart().addRange(sheet.getRange('A1:B3')).setPosition(5, 5, 0, 0).build());

  var html = '<h1>"2211"信访流程办理单</h1><p>单号：<b>{{单号}}</b></p>' +
    '<table><tr><td>信访人姓名</td><td>{{姓名}}</td></tr><tr><td>信访形式</td><td>来信{{来信}} 来访{{来访}}</td></tr></table>';
  var tpl = Drive.Files.create({ name: '附件3 模板', mimeType: 'application/vnd.google-apps.document' }, Utilities.newBlob(html, 'text/html')).id;
  var doc = Drive.Files.copy({ name: '2024-001 办理单' }, tpl).id;
  Docs.Documents.batchUpdate({ requests: [
    { replaceAllText: { containsText: { text: '{{单号}}' }, replaceText: '2024-001' } },
    { replaceAllText: { containsText: { text: '{{姓名}}' }, replaceText: '张*' } },
    { replaceAllText: { containsText: { text: '{{来信}}' }, replaceText: '☑' } },
    { replaceAllText: { containsText: { text: '{{来访}}' }, replaceText: '☐' } }] }, doc);

  MailApp.sendEmail('leader@example.gov.cn', '【信访提醒】2024-001 即将到期', '请于三日内办结。', {
    htmlBody: '<p>请于<b>三日内</b>办结。</p>', name: '信访办', cc: 'desk@example.gov.cn',
    attachments: [Utilities.newBlob('编号,状态\\n2024-001,办理中', 'text/csv', '清单.csv')] });

  UrlFetchApp.fetch('https://oapi.dingtalk.com/robot/send?access_token=T', { method: 'post', contentType: 'application/json',
    payload: JSON.stringify({ msgtype: 'text', text: { content: '2024-001 即将到期' } }) });
}`;

const SUBJECT =
  '【信访提醒】镜湖新区开发办：2024-001号信访件（张*反映小区物业管理问题）将于2024年3月8日到期，请及时办结';
const ATTACHMENT = '信访事项受理告知书（2024-001 张*）.docx';
const MAIL_APP = `
function send() {
  MailApp.sendEmail({ to: 'leader@example.gov.cn', bcc: 'audit@example.gov.cn', name: '镜湖新区开发办信访办',
    subject: '${SUBJECT}', body: '请查收告知书。', htmlBody: '<p>请查收告知书。<img src="cid:seal"></p>',
    inlineImages: { seal: Utilities.newBlob([-119, 80, 78, 71, 13, 10, 26, 10], 'image/png', '公章.png') },
    attachments: [Utilities.newBlob('告知书正文', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', '${ATTACHMENT}')] });
}`;

function environment(app = APP, run = 'produce'): GasEnvironment {
  const env = createGasEnvironment({ now: '2024-03-05T09:00:00+08:00' });
  env.loadSource(app, {
    timeZone: 'Asia/Shanghai',
    oauthScopes: APP_SCOPES,
    dependencies: { enabledAdvancedServices: ADVANCED },
  });
  env.http.respond('https://oapi.dingtalk.com/', () => ({ status: 200, body: { errcode: 0, errmsg: 'ok' } }));
  env.run(run);
  return env;
}

describe('env.exportTo', () => {
  let dir: string;
  let files: string[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gas-export-'));
    files = await environment().exportTo(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('writes one file per spreadsheet, document, mail and webhook call', () => {
    expect(files.map((f) => basename(f))).toEqual([
      'Untitled spreadsheet.xlsx',
      '附件3 模板.docx',
      '2024-001 办理单.docx',
      'mail-001.eml',
      'http-001.json',
    ]);
  });

  test('the .xlsx holds typed values, formats, fills, the frozen row, widths, the validation list and the charts', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'Untitled spreadsheet.xlsx'));
    const ws = wb.getWorksheet('台账')!;
    expect(ws.getCell('A2').value).toBe('2024-001');
    expect(ws.getCell('A2').numFmt).toBe('@');
    expect(ws.getCell('B2').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('B2').value).toEqual(new Date(Date.UTC(2024, 2, 5)));
    expect(ws.getCell('A1').font.bold).toBe(true);
    expect(ws.getCell('A1').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9EAD3' } });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(1).width).toBeCloseTo(20, 0);
    expect(ws.getCell('C3').dataValidation).toMatchObject({ type: 'list', formulae: ['"办理中,已办结"'] });
    const charts = wb.getWorksheet('图表')!;
    expect(charts.getRow(2).values).toEqual(expect.arrayContaining(['台账', 'COLUMN']));
  });

  test('the .docx holds the filled form: heading, bold, a bordered table, tick boxes as characters', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(dir, '2024-001 办理单.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Heading1');
    expect(xml).toContain('"2211"信访流程办理单'.replace(/"/g, '&quot;'));
    expect(xml).toMatch(/<w:b\/>[\s\S]*?2024-001/);
    expect(xml).toContain('<w:tbl>');
    expect(xml).toMatch(/<w:tblBorders>[\s\S]*w:val="single"/);
    expect(xml).toContain('张*');
    expect(xml).toContain('来信☑ 来访☐');
    expect(xml).not.toContain('{{');
    const template = await JSZip.loadAsync(readFileSync(join(dir, '附件3 模板.docx')));
    expect(await template.file('word/document.xml')!.async('string')).toContain('{{姓名}}');
  });

  test('the .eml parses: encoded subject, text and HTML alternatives, the attachment', async () => {
    const mail = await simpleParser(readFileSync(join(dir, 'mail-001.eml')));
    expect(mail.subject).toBe('【信访提醒】2024-001 即将到期');
    expect(mail.from?.value[0]).toMatchObject({ name: '信访办', address: 'owner@example.gov.cn' });
    expect(mail.cc && !Array.isArray(mail.cc) && mail.cc.text).toBe('desk@example.gov.cn');
    expect(mail.text?.trim()).toBe('请于三日内办结。');
    expect(mail.html).toBe('<p>请于<b>三日内</b>办结。</p>');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0].filename).toBe('清单.csv');
    expect(mail.attachments[0].content.toString('utf8')).toBe('编号,状态\n2024-001,办理中');
    expect(mail.date?.toISOString().slice(0, 13)).toBe('2024-03-05T01');
  });

  test('the .eml round-trips a long Chinese subject, a Chinese attachment name, an inline image and Bcc, byte for byte the same each time', async () => {
    const dirs = [mkdtempSync(join(tmpdir(), 'gas-eml-')), mkdtempSync(join(tmpdir(), 'gas-eml-'))];
    try {
      for (const d of dirs) await environment(MAIL_APP, 'send').exportTo(d);
      const raw = readFileSync(join(dirs[0], 'mail-001.eml'));
      expect(readFileSync(join(dirs[1], 'mail-001.eml')).equals(raw)).toBe(true);
      // The whole message is 7-bit: the subject in RFC 2047 encoded words, the file name in RFC 2231
      // parameters, the Chinese bodies in base64.
      expect(raw.every((b) => b < 0x80)).toBe(true);
      expect(raw.toString('latin1')).toMatch(/^Subject: =\?UTF-8\?B\?/m);
      expect(raw.toString('latin1')).toMatch(/^ filename\*0\*=utf-8''/m);
      const mail = await simpleParser(raw);
      expect(mail.subject).toBe(SUBJECT);
      expect(mail.from?.value[0]).toMatchObject({ name: '镜湖新区开发办信访办', address: 'owner@example.gov.cn' });
      expect(mail.bcc && !Array.isArray(mail.bcc) && mail.bcc.text).toBe('audit@example.gov.cn');
      // mailparser resolves the cid: link to the related image part.
      expect(mail.html).toBe('<p>请查收告知书。<img src="data:image/png;base64,iVBORw0KGgo="></p>');
      const attached = mail.attachments.find((a) => a.contentDisposition === 'attachment');
      expect(attached?.filename).toBe(ATTACHMENT);
      expect(attached?.content.toString('utf8')).toBe('告知书正文');
      const seal = mail.attachments.find((a) => a.contentId === '<seal>');
      expect(seal).toMatchObject({ related: true, contentType: 'image/png', filename: '公章.png' });
      expect(seal?.content).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
      expect(mail.date?.toISOString()).toBe('2024-03-05T01:00:00.000Z');
      expect(mail.messageId).toMatch(/^<[0-9a-f]{24}@local\.apps-script>$/);
    } finally {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    }
  });

  test('the webhook call is JSON with its payload parsed', () => {
    const call = JSON.parse(readFileSync(join(dir, 'http-001.json'), 'utf8'));
    expect(call).toMatchObject({
      method: 'POST',
      url: 'https://oapi.dingtalk.com/robot/send?access_token=T',
      status: 200,
      payload: { msgtype: 'text', text: { content: '2024-001 即将到期' } },
    });
  });

  testWithTools(
    [TOOLS.writer],
    'LibreOffice converts the .docx to PDF without error',
    () => {
      sofficeConvert(join(dir, '2024-001 办理单.docx'), 'pdf', dir);
      const pdf = readFileSync(join(dir, '2024-001 办理单.pdf'));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    },
    150_000,
  );

  testWithTools(
    [TOOLS.calc],
    'LibreOffice Calc opens the .xlsx: converted to CSV, the Chinese cells and the formatted dates come back',
    () => {
      // The first sheet as UTF-8 CSV (filter options: comma, double quote, character set 76 = UTF-8).
      sofficeConvert(join(dir, 'Untitled spreadsheet.xlsx'), 'csv:Text - txt - csv (StarCalc):44,34,76', dir);
      const rows = readFileSync(join(dir, 'Untitled spreadsheet.csv'), 'utf8').trim().split(/\r?\n/);
      expect(rows.slice(0, 3)).toEqual([
        '编号,登记日期,状态',
        '2024-001,2024-03-05,办理中',
        '2024-002,2024-03-06,已办结',
      ]);
    },
    150_000,
  );
});

/** The attributes of each `<col>` or `<row>` element of a worksheet's XML. */
function elements(xml: string, tag: 'col' | 'row'): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<${tag} ([^>]*?)/?>`, 'g'))].map((m) =>
    Object.fromEntries([...m[1].matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]])),
  );
}

describe('env.exportTo: row and column groups, frozen panes', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    const env = createGasEnvironment({ now: '2024-03-05T09:00:00+08:00' });
    env.runCheck(() => {
      const ss = SpreadsheetApp.getActive();
      const sh = ss.getSheets()[0];
      sh.setName('台账');
      sh.getRange('A1:H1').setValues([['编号', '姓名', '电话', '住址', '状态', '来源', '渠道', '备注']]);
      sh.getRange('A2:H3').setValue('x');
      sh.setFrozenRows(1);
      sh.setFrozenColumns(2);
      sh.getRange('C1:D1').shiftColumnGroupDepth(1);
      sh.getColumnGroup(3, 1)!.collapse();
      sh.getRange('F1:G1').shiftColumnGroupDepth(1);
      sh.getRange('2:3').shiftRowGroupDepth(1);
      sh.getRange('5:6').shiftRowGroupDepth(1);
      sh.getRowGroup(5, 1)!.collapse();
      const other = ss.insertSheet('汇总');
      // Columns A and B are alike but for B's collapsed flag (B is the summary column of C:D).
      other.getRange('A1:E1').setValues([['甲', '乙', '丙', '丁', '戊']]);
      other.setColumnGroupControlPosition(SpreadsheetApp.GroupControlTogglePosition.BEFORE);
      other.getRange('C1:D1').shiftColumnGroupDepth(1);
      other.getColumnGroup(3, 1)!.collapse();
      // Columns D and E are alike but for D's collapsed flag (D is the summary column of B:C).
      const third = ss.insertSheet('明细');
      third.getRange('A1:F1').setValues([['甲', '乙', '丙', '丁', '戊', '己']]);
      third.getRange('B1:C1').shiftColumnGroupDepth(1);
      third.getColumnGroup(2, 1)!.collapse();
    });
    dir = mkdtempSync(join(tmpdir(), 'gas-export-groups-'));
    [file] = await env.exportTo(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('grouped columns and rows have their outline level; a collapsed group is hidden; frozen panes stay', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('台账')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 1 });
    expect([2, 3, 4, 5, 6, 7, 8].map((c) => ws.getColumn(c).outlineLevel)).toEqual([0, 1, 1, 0, 1, 1, 0]);
    expect([2, 3, 4, 5, 6, 7].map((c) => ws.getColumn(c).hidden)).toEqual([false, true, true, false, false, false]);
    expect([1, 2, 3, 4, 5, 6, 7].map((r) => ws.getRow(r).outlineLevel)).toEqual([0, 1, 1, 0, 1, 1, 0]);
    expect([2, 3, 5, 6, 7].map((r) => ws.getRow(r).hidden)).toEqual([false, false, true, true, false]);
    expect(ws.properties.outlineProperties).toEqual({ summaryBelow: true, summaryRight: true });
    expect([ws.properties.outlineLevelCol, ws.properties.outlineLevelRow]).toEqual([1, 1]);
    expect(wb.getWorksheet('汇总')!.properties.outlineProperties).toEqual({ summaryBelow: true, summaryRight: false });
  });

  test('the collapsed flag is on the summary column/row next to each collapsed group, and nowhere else', async () => {
    const zip = await JSZip.loadAsync(readFileSync(file));
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const collapsedCols = elements(xml, 'col').filter((c) => c.collapsed === '1');
    expect(collapsedCols.map((c) => [c.min, c.max])).toEqual([['5', '5']]);
    expect(
      elements(xml, 'row')
        .filter((r) => r.collapsed === '1')
        .map((r) => r.r),
    ).toEqual(['7']);
    const before = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    expect(
      elements(before, 'col')
        .filter((c) => c.collapsed === '1')
        .map((c) => [c.min, c.max]),
    ).toEqual([['2', '2']]);
    expect(before).toMatch(/<outlinePr[^>]*summaryRight="0"/);
    const third = await zip.file('xl/worksheets/sheet3.xml')!.async('string');
    expect(
      elements(third, 'col')
        .filter((c) => c.collapsed === '1')
        .map((c) => [c.min, c.max]),
    ).toEqual([['4', '4']]);
  });

  testWithTools(
    [TOOLS.calc],
    'LibreOffice Calc reads the outline: its own .xlsx of the file keeps the levels and the hidden columns and rows',
    async () => {
      const out = mkdtempSync(join(tmpdir(), 'gas-export-groups-lo-'));
      try {
        sofficeConvert(file, 'xlsx', out);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(join(out, basename(file)));
        const ws = wb.getWorksheet('台账')!;
        expect([3, 4, 6, 7].map((c) => ws.getColumn(c).outlineLevel)).toEqual([1, 1, 1, 1]);
        expect([3, 4, 6].map((c) => ws.getColumn(c).hidden)).toEqual([true, true, false]);
        expect([5, 6].map((r) => [ws.getRow(r).outlineLevel, ws.getRow(r).hidden])).toEqual([
          [1, true],
          [1, true],
        ]);
        // Not the frozen panes: headless Calc writes no view settings at all (a bare exceljs file with a frozen
        // pane comes back without one too), so the round trip says nothing about them.
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    },
    150_000,
  );
});

describe('env.exportTo: merged cells', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    const env = createGasEnvironment({ now: '2024-03-05T09:00:00+08:00' });
    env.runCheck(() => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.setName('研判');
      sh.getRange('A1:D1')
        .setValues([['本月研判', '', '', '']])
        .setBackground('#fff2cc');
      sh.getRange('A1:D2').mergeAcross().setWrap(true);
      sh.getRange('F1:F3').merge();
    });
    dir = mkdtempSync(join(tmpdir(), 'gas-export-merges-'));
    [file] = await env.exportTo(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('each merge is a <mergeCell>; the merged cell keeps the top-left value and style', async () => {
    const zip = await JSZip.loadAsync(readFileSync(file));
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect([...xml.matchAll(/<mergeCell ref="([^"]+)"/g)].map((m) => m[1]).sort()).toEqual(['A1:D1', 'A2:D2', 'F1:F3']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('研判')!;
    expect(ws.getCell('A1').value).toBe('本月研判');
    expect(ws.getCell('C1').isMerged).toBe(true);
    expect(ws.getCell('C1').master.address).toBe('A1');
    expect(ws.getCell('A1').alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell('A1').fill).toMatchObject({ fgColor: { argb: 'FFFFF2CC' } });
  });
});
