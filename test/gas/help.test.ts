// What the product tells a person about itself: the help names where people and liaisons are kept and describes
// every setting from the one table; nothing offers a feature that does not exist yet, and 签收 offers annex 3.
import { settingRows } from '../../src/core/settings';
import { act, lastToast, PEOPLE, PLATFORM_CASE, register, startOffice } from '../scenario/office';

const unescape = (html: string): string =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('帮助', () => {
  it('says where people and liaisons are kept, lists every setting with its default, explains the forms and marks what is coming', () => {
    const env = startOffice();
    const user = { user: PEOPLE.office.email };
    env.open(user);
    env.clickMenu('信访台账', '帮助', '使用说明', user);
    const dialog = env.ui.dialogs[env.ui.dialogs.length - 1]!;
    expect(dialog.title).toBe('信访台账 · 帮助');
    const text = unescape(dialog.html);
    expect(text).toContain('「人员」表是唯一的人员名单');
    expect(text).toContain('「姓名」「邮箱」「角色」「部室」「AB角」「手机」');
    expect(text).toContain('「AB角」填 A 或 B');
    expect(text).toContain('「部室」表只列部室名称');
    for (const s of settingRows()) {
      expect(text).toContain(`<td>${s.key}</td>`);
      expect(text).toContain(`<td>${s.defaultText}</td>`);
      expect(text).toContain(`<td>${s.description}</td>`);
    }
    expect(text).toMatch(/即将推出[\s\S]*企业微信群机器人提醒尚在开发中/);
    expect(text).not.toMatch(/即将推出[\s\S]*(月度分析|部室工作台)/);
    expect(text).toMatch(/「信访台账 ›\s*生成月度分析…」/);
    expect(text).toMatch(/「信访台账 ›\s*复制工作台链接」给出工作台的链接/);
    expect(text).toContain('期限提醒');
    expect(text).toMatch(/本表格已用单元格 [\d,]+ \/ 10,000,000（\d+(\.\d)?%）/);
    expect(text).not.toMatch(/即将推出[\s\S]*表单/);
    expect(text).toContain('「信访台账 › 生成表单 › 附件3…附件7」');
  });
});

describe('签收', () => {
  it('offers annex 3, now that forms can be generated', () => {
    const env = startOffice();
    const { caseNo } = register(env, PLATFORM_CASE);
    act(env, 'office', caseNo, ['受理交办', '签收']);
    expect(lastToast(env)).toBe(
      `已签收 1 件：${caseNo}（待交办签批）\n` +
        `可生成附件3 “2211”信访流程办理单：选中${caseNo}所在行，点「信访台账 › 生成表单 › 附件3 “2211”信访流程办理单」`,
    );
  });
});
