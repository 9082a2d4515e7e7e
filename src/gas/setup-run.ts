// 初始化/修复 and 接管定时任务 as the person clicking sees them.
import { actorText } from './audit';
import { activeUserEmail } from './infra';
import { setupSpreadsheet } from './setup';
import { installTriggers, setTriggerOwner, triggerOwner } from './triggers';

/** Lays out the sheets, then installs the triggers if this person owns them (or nobody does yet). */
export function runSetup(): void {
  const ss = SpreadsheetApp.getActive();
  const report = setupSpreadsheet(ss);
  const me = activeUserEmail();
  const owner = triggerOwner();
  const lines = [
    report.createdSheets.length ? `新建工作表：${report.createdSheets.join('、')}` : '工作表齐全',
    report.addedColumns.length ? `补充表头：${report.addedColumns.join('、')}` : '',
  ];
  if (!me) lines.push('Google 没有提供您的账号，定时任务未安装；请由表格所有者运行「初始化/修复」。');
  else if (!owner || owner === me) {
    setTriggerOwner(me);
    const t = installTriggers(ss);
    lines.push(`定时任务由 ${actorText('', me)} 负责${t.created ? `，新装 ${t.created} 个` : '，已是最新'}`);
  } else {
    lines.push(`定时任务由 ${owner} 负责，本次未安装，以免重复提醒。若其已离开，请用「初始化/修复 › 接管定时任务」。`);
  }
  SpreadsheetApp.getUi().alert(
    '初始化/修复完成',
    lines.filter(Boolean).join('\n'),
    SpreadsheetApp.getUi().ButtonSet.OK,
  );
}

/** Moves the triggers' ownership to the person clicking and installs theirs. */
export function takeOverTriggers(): void {
  const me = activeUserEmail();
  const ui = SpreadsheetApp.getUi();
  if (!me) {
    ui.alert('接管定时任务', 'Google 没有提供您的账号，无法接管。请由本单位域内的账号操作。', ui.ButtonSet.OK);
    return;
  }
  const before = triggerOwner();
  const answer = ui.alert(
    '接管定时任务',
    `定时任务现由 ${before || '（无人）'} 负责。改由您（${me}）负责并安装定时任务？`,
    ui.ButtonSet.YES_NO,
  );
  if (answer !== ui.Button.YES) return;
  setTriggerOwner(me);
  const t = installTriggers(SpreadsheetApp.getActive());
  ui.alert(
    '接管定时任务',
    `已改由 ${me} 负责，安装 ${t.created} 个定时任务。原负责人的定时任务此后不再执行。`,
    ui.ButtonSet.OK,
  );
}
