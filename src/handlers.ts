// The one table of every function Apps Script calls by name: menus, triggers and dialogs all name handlers by
// string, so setup, the menu, the build's generated stubs and the tests all read this table.
import type { Audience } from './core/callers';

/** How Apps Script reaches a handler. Menu items appear in table order; `separatorBefore` draws a line. */
export type HandlerKind =
  | { kind: 'simpleTrigger'; event: 'open' }
  | { kind: 'installableTrigger'; event: 'edit' | 'open' }
  | {
      kind: 'timeTrigger';
      /** The hour it runs (Apps Script picks a moment within it); `atHourSetting` names a 设置 that overrides it. */
      atHour?: number;
      atHourSetting?: 'reminderHour';
      /** One daily trigger for each hour that overlaps 设置「上班时间」: an hourly run inside office hours only. */
      officeHours?: true;
      everyDays?: number;
      onMonthDay?: number;
    }
  | { kind: 'menu'; caption: string; submenu?: string; separatorBefore?: boolean }
  | { kind: 'dialog'; webApp?: boolean }
  /** The web app's request handler (doGet): its visitor is checked against 人员 before any data is read. */
  | { kind: 'webApp' };

/**
 * Who may call a handler (decision 11), read from its kind: the simple onOpen; a menu item or a dialog of the
 * spreadsheet ('sheet'); an installable trigger ('trigger'). A dialog target marked `webApp` may also be called from
 * the 部室工作台's page, and then checks the visitor's role and department for each case itself (workbenchAct); every
 * other handler refuses a call from a web app.
 */
export function audienceOf(h: HandlerKind): Audience {
  switch (h.kind) {
    case 'simpleTrigger':
      return 'open';
    case 'installableTrigger':
    case 'timeTrigger':
      return 'trigger';
    case 'webApp':
      return 'webApp';
    default:
      return 'sheet';
  }
}

/** The top-level menu's caption. */
export const MENU_TITLE = '信访台账';

/** Every handler by its top-level name. A name never ends in `_` (Apps Script hides such functions). */
export const HANDLERS = {
  onOpen: { kind: 'simpleTrigger', event: 'open' },
  doGet: { kind: 'webApp' },
  onLedgerEdit: { kind: 'installableTrigger', event: 'edit' },
  dailyRefresh: { kind: 'timeTrigger', everyDays: 1, atHour: 6 },
  dailyReminders: { kind: 'timeTrigger', everyDays: 1, atHour: 8, atHourSetting: 'reminderHour' },
  hourlyChase: { kind: 'timeTrigger', everyDays: 1, officeHours: true },
  buildMonthlyAnalysis: { kind: 'timeTrigger', onMonthDay: 1, atHour: 8 },
  menuNewCase: { kind: 'menu', caption: '新建信访件…' },
  actSign: { kind: 'menu', submenu: '受理交办', caption: '签收' },
  actApproveAssign: { kind: 'menu', submenu: '受理交办', caption: '交办签批…' },
  actAssign: { kind: 'menu', submenu: '受理交办', caption: '交办…' },
  actReceive: { kind: 'menu', submenu: '受理交办', caption: '接收' },
  actReturnCase: { kind: 'menu', submenu: '受理交办', caption: '退单…' },
  actForward: { kind: 'menu', submenu: '受理交办', caption: '转送…' },
  actSubmit: { kind: 'menu', submenu: '办理审核', caption: '填写办理意见…' },
  actReceptionOpinion: { kind: 'menu', submenu: '办理审核', caption: '接待部室意见…' },
  actItemReview: { kind: 'menu', submenu: '办理审核', caption: '事项分管领导审核…' },
  actPetitionReview: { kind: 'menu', submenu: '办理审核', caption: '信访分管领导审核…' },
  actRedo: { kind: 'menu', submenu: '办理审核', caption: '退回重办…' },
  actRequestExtension: { kind: 'menu', submenu: '办理审核', caption: '申请延期…' },
  actApproveExtension: { kind: 'menu', submenu: '办理审核', caption: '批准延期…' },
  actRejectExtension: { kind: 'menu', submenu: '办理审核', caption: '不批准延期…' },
  actLiaisonLetter: { kind: 'menu', submenu: '办理审核', caption: '发联系函…' },
  actLetterReply: { kind: 'menu', submenu: '办理审核', caption: '联系函回复…' },
  actApproveClose: { kind: 'menu', submenu: '办结回访', caption: '办结签批…' },
  actReply: { kind: 'menu', submenu: '办结回访', caption: '系统回复' },
  actCallback: { kind: 'menu', submenu: '办结回访', caption: '回访…' },
  actPlatformRating: { kind: 'menu', submenu: '办结回访', caption: '平台评价…' },
  actAssignVerify: { kind: 'menu', submenu: '不满意核实', caption: '核实交办…' },
  actVerifyAssignSign: { kind: 'menu', submenu: '不满意核实', caption: '核实交办签批…' },
  actVerifyInstruct: { kind: 'menu', submenu: '不满意核实', caption: '事项分管领导批示…' },
  actVerifyHeadOpinion: { kind: 'menu', submenu: '不满意核实', caption: '部长（主任）办理意见…' },
  actSubmitVerify: { kind: 'menu', submenu: '不满意核实', caption: '提交核实说明…' },
  actIssueVerify: { kind: 'menu', submenu: '不满意核实', caption: '核实签发…' },
  actReplyVerify: { kind: 'menu', submenu: '不满意核实', caption: '核实回复' },
  actReviewRequest: { kind: 'menu', submenu: '复查复核', caption: '复查复核申请…' },
  actReviewDecide: { kind: 'menu', submenu: '复查复核', caption: '复查复核结论…' },
  actFlagWeekly: { kind: 'menu', submenu: '标记与归档', caption: '周会商…' },
  actFlagSupervision: { kind: 'menu', submenu: '标记与归档', caption: '督查督办…' },
  actArchive: { kind: 'menu', submenu: '标记与归档', caption: '归档' },
  actCorrect: { kind: 'menu', submenu: '标记与归档', caption: '更正…' },
  menuArchiveYears: { kind: 'menu', submenu: '标记与归档', caption: '归档往年…' },
  menuForm3: { kind: 'menu', submenu: '生成表单', caption: '附件3 “2211”信访流程办理单' },
  menuForm4: { kind: 'menu', submenu: '生成表单', caption: '附件4 来访登记单' },
  menuForm5: { kind: 'menu', submenu: '生成表单', caption: '附件5 不满意核实件' },
  menuForm6: { kind: 'menu', submenu: '生成表单', caption: '附件6 核实情况说明' },
  menuForm7: { kind: 'menu', submenu: '生成表单', caption: '附件7 信访事项联系函' },
  menuFormsProgress: { kind: 'menu', submenu: '生成表单', caption: '批量生成进度…' },
  menuFind: { kind: 'menu', caption: '查找…', separatorBefore: true },
  menuHistory: { kind: 'menu', caption: '案件历史' },
  menuMonthlyAnalysis: { kind: 'menu', caption: '生成月度分析…' },
  menuWorkbenchLink: { kind: 'menu', caption: '复制工作台链接' },
  menuSendReminders: { kind: 'menu', submenu: '期限提醒', caption: '立即发送提醒' },
  menuDingTalk: { kind: 'menu', submenu: '期限提醒', caption: '钉钉机器人设置…' },
  menuSetup: { kind: 'menu', submenu: '初始化/修复', caption: '初始化/修复' },
  menuTakeOverTriggers: { kind: 'menu', submenu: '初始化/修复', caption: '接管定时任务' },
  menuRebuildTemplates: { kind: 'menu', submenu: '初始化/修复', caption: '重建模板' },
  showHelp: { kind: 'menu', submenu: '帮助', caption: '使用说明' },
  menuSelfTest: { kind: 'menu', submenu: '帮助', caption: '运行自检' },
  submitAction: { kind: 'dialog' },
  submitNewCase: { kind: 'dialog' },
  checkRepeat: { kind: 'dialog' },
  findCases: { kind: 'dialog' },
  jumpToCase: { kind: 'dialog' },
  formsRunSlice: { kind: 'dialog' },
  formsPickLetters: { kind: 'dialog' },
  archiveRunSlice: { kind: 'dialog' },
  saveDingTalkRobot: { kind: 'dialog' },
  clearDingTalkRobot: { kind: 'dialog' },
  testDingTalkRobot: { kind: 'dialog' },
  workbenchAct: { kind: 'dialog', webApp: true },
} as const satisfies Record<string, HandlerKind>;

export type HandlerName = keyof typeof HANDLERS;

/** The handlers of one kind, in table order. */
export function handlersOfKind<K extends HandlerKind['kind']>(
  kind: K,
): [HandlerName, Extract<HandlerKind, { kind: K }>][] {
  return (Object.entries(HANDLERS) as [HandlerName, HandlerKind][]).filter(
    (e): e is [HandlerName, Extract<HandlerKind, { kind: K }>] => e[1].kind === kind,
  );
}
