// 接收必登: registration never refuses a petition. What would once have been refused — an ID number failing its
// checksum, a phone that is not one, a letter without a name, a platform case without the platform's deadline — is
// recorded as given and flagged on the row (登记提示), for the office to put right when it can.
import { toShanghaiDate } from './dates';
import { isFilled, type Case } from './model';
import { validateIdNumber, validateMobileOrPhone } from './validate';

/** How a petition without a name is registered (a letter, an online petition or a 检举 may come unsigned). */
export const ANONYMOUS = '匿名';

/**
 * The flags of a case's intake, in Chinese, each one a thing to put right: a bad ID number or phone (with why), an
 * unsigned petition, a 上级 case without its upstream number or without the platform's own deadline (the default
 * limit applies until it is typed in 办理期限), a 信访日期 after today.
 */
export function intakeFlags(c: Partial<Case>, now: Date): string[] {
  const out: string[] = [];
  if (isFilled(c.idNumber)) {
    const r = validateIdNumber(c.idNumber, { now });
    if (!r.ok) out.push(`身份证号码${r.reason}`);
  }
  if (isFilled(c.phone)) {
    const r = validateMobileOrPhone(c.phone);
    if (!r.ok) out.push(`联系电话${r.reason}`);
  }
  if (!isFilled(c.petitionerName) || c.petitionerName === ANONYMOUS) out.push('未署名，按匿名登记');
  if (c.source === '上级') {
    if (!isFilled(c.upstreamNo)) out.push('上级信访件编号未填');
    if (c.dueSource !== '手填') out.push('上级平台办理期限未填，暂按默认时限计算（填入「办理期限」即改用平台期限）');
  }
  if (c.petitionDate && c.petitionDate > toShanghaiDate(now)) out.push(`信访日期 ${c.petitionDate} 晚于今天`);
  return out;
}

/** The flags as the 登记提示 cell holds them ('' when there are none). */
export function intakeFlagText(flags: readonly string[]): string {
  return flags.join('；');
}
