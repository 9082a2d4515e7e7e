// A generated form leaves the runtime as a person would download it: exported as .docx (env.exportTo) and opened by
// LibreOffice, converted to PDF, its text read back with pdftotext. Skips locally without LibreOffice; fails under CI.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANNEXES } from '../../src/core/forms';
import { act, PLATFORM_CASE, register } from './office';
import { formsOffice, generate } from './forms';
import { PDFTOTEXT, sofficeConvert, TOOLS, testWithTools } from '../helpers/tools';

testWithTools(
  [TOOLS.writer, TOOLS.poppler],
  'a generated 附件3 exported as .docx opens in LibreOffice: its labels and values are in the PDF it prints',
  async () => {
    const env = formsOffice();
    const { caseNo } = register(env, PLATFORM_CASE);
    act(env, 'office', caseNo, ['受理交办', '签收']);
    const s = generate(env, 'office', [caseNo], 3)!;
    expect(s.done).toBe(1);
    const dir = mkdtempSync(join(tmpdir(), 'forms-export-'));
    try {
      await env.exportTo(dir);
      const docx = readdirSync(dir).find((f) => f.startsWith(caseNo) && f.endsWith('.docx'))!;
      expect(docx).toBe(`${caseNo} 附件3 “2211”信访流程办理单.docx`);
      sofficeConvert(join(dir, docx), 'pdf', dir);
      const pdf = join(dir, docx.replace(/\.docx$/, '.pdf'));
      expect(existsSync(pdf)).toBe(true);
      const text = execFileSync(PDFTOTEXT!, ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      for (const label of ANNEXES[3].labels) expect(text).toContain(label.replace(/\s+/g, ''));
      for (const value of [
        '张三',
        '11010519491231002X',
        'ZJ2026100900123',
        '2026年10月09日',
        '绍兴市镜湖新区开发建设办公室',
      ])
        expect(text).toContain(value);
      expect(text).toContain('网上信访☑');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  180_000,
);
