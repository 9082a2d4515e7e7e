// The README's picture of a generated form: a platform case walked to 已回访 in the local runtime (the real dist/),
// 附件3 generated through the menu, exported as .docx, printed to PDF by LibreOffice and its first page rendered by
// pdftoppm into docs/img/annex3.png. Run after `npm run build`: TZ=Asia/Shanghai npx tsx scripts/form-picture.ts
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { act, PLATFORM_CASE, register, type Who } from '../test/scenario/office';
import { formsOffice, generate } from '../test/scenario/forms';

const OUT = path.resolve(__dirname, '..', 'docs', 'img', 'annex3.png');

async function main(): Promise<void> {
  const env = formsOffice();
  const { caseNo } = register(env, PLATFORM_CASE);
  const step = (who: Who, p: [string, string], fields?: Record<string, string>): void => {
    const r = act(env, who, caseNo, p, fields);
    if (r && !r.ok) throw new Error(r.message);
  };
  step('office', ['受理交办', '签收']);
  step('petitionLeader', ['受理交办', '交办签批…'], { assignSignOpinion: '请规划建设部核处' });
  step('office', ['受理交办', '交办…'], { department: '规划建设部' });
  step('handler', ['办理审核', '填写办理意见…'], { handler: '周杰', opinion: '已约谈施工单位，夜间22时后停止施工。' });
  step('lineLeader', ['办理审核', '事项分管领导审核…'], { itemReviewOpinion: '同意' });
  step('petitionLeader', ['办理审核', '信访分管领导审核…'], { petitionReviewOpinion: '同意上报' });
  step('petitionLeader', ['办结回访', '办结签批…'], { closeSignOpinion: '同意办结' });
  step('office', ['办结回访', '系统回复']);
  step('office', ['办结回访', '回访…'], { satisfaction: '满意', callbackMethod: '电话' });
  step('office', ['标记与归档', '周会商…'], { weeklyConsult: '否' });
  const made = generate(env, 'office', [caseNo], 3);
  if (!made?.finished || made.done !== 1) throw new Error(`the form was not made: ${JSON.stringify(made)}`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'form-picture-'));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
  try {
    await env.exportTo(dir);
    const docx = fs.readdirSync(dir).find((f) => f.startsWith(caseNo) && f.endsWith('.docx'))!;
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        path.join(dir, docx),
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
    const pdf = path.join(dir, docx.replace(/\.docx$/, '.pdf'));
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '96', '-f', '1', '-l', '1', '-singlefile', pdf, OUT.replace(/\.png$/, '')]);
    console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
