// Who may call a handler, from the signals Apps Script gives (decision 11), and who may see a case.
import { callerProblem, isWebAppCall, maySeeCase, type CallSignals } from '../../src/core/callers';
import type { Person } from '../../src/core/model';

const sheet: CallSignals = { visitor: 'a@x.cn', runsAs: 'a@x.cn', hasContainer: true };

describe('callerProblem', () => {
  it('lets a sheet handler run when the person at the keyboard is the account the code runs as, with a container', () => {
    expect(isWebAppCall(sheet)).toBe(false);
    expect(callerProblem('sheet', false, sheet)).toBeNull();
  });

  it('refuses a sheet handler called from a web app: another visitor, or no container', () => {
    for (const s of [
      { ...sheet, runsAs: 'owner@x.cn' },
      { ...sheet, hasContainer: false },
      { ...sheet, visitor: '' },
    ]) {
      expect(isWebAppCall(s)).toBe(true);
      expect(callerProblem('sheet', false, s)).toContain('不能从部室工作台或其他网页调用');
    }
  });

  it('lets a handler marked for the web app run there (it checks the visitor itself)', () => {
    expect(callerProblem('sheet', true, { ...sheet, runsAs: 'owner@x.cn' })).toBeNull();
    expect(callerProblem('webApp', false, { ...sheet, hasContainer: false })).toBeNull();
  });

  it('runs a trigger handler only for a recorded trigger, as its recorded owner', () => {
    const t = { ...sheet, recordedTriggerUids: ['7', '8'], triggerOwner: 'a@x.cn' };
    expect(callerProblem('trigger', false, { ...t, triggerUid: '7' })).toBeNull();
    expect(callerProblem('trigger', false, { ...t, triggerUid: '' })).toContain('不能直接调用');
    expect(callerProblem('trigger', false, { ...t, triggerUid: '9' })).toContain('不能直接调用');
    expect(callerProblem('trigger', false, { ...t, triggerUid: '7', runsAs: 'b@x.cn' })).toContain('触发器属于 a@x.cn');
    expect(callerProblem('trigger', false, { ...t, triggerUid: '7', triggerOwner: '' })).toContain('（未设置）');
  });
});

describe('maySeeCase', () => {
  const person = (roles: Person['roles'], departments: string[] = []): Person => ({
    email: 'p@x.cn',
    name: 'P',
    roles,
    departments,
  });

  it('the 信访办 and the two office leaders see every case, a case with no department too', () => {
    for (const r of ['信访办', '主职领导', '信访工作分管领导'] as const) {
      expect(maySeeCase(person([r]), '规划建设部')).toBe(true);
      expect(maySeeCase(person([r]), '')).toBe(true);
    }
  });

  it('a liaison or handler sees their own department only, never an unassigned case', () => {
    for (const r of ['部室联络员', '承办人'] as const) {
      expect(maySeeCase(person([r], ['规划建设部']), ' 规划建设部 ')).toBe(true);
      expect(maySeeCase(person([r], ['规划建设部']), '综合事务部')).toBe(false);
      expect(maySeeCase(person([r], ['规划建设部']), '')).toBe(false);
    }
  });

  it('a 事项分管领导 sees the departments they oversee, every one when none is listed', () => {
    expect(maySeeCase(person(['事项分管领导'], ['规划建设部']), '规划建设部')).toBe(true);
    expect(maySeeCase(person(['事项分管领导'], ['规划建设部']), '经济发展部')).toBe(false);
    expect(maySeeCase(person(['事项分管领导']), '经济发展部')).toBe(true);
  });

  it('a person with no role sees nothing', () => {
    expect(maySeeCase(person([], ['规划建设部']), '规划建设部')).toBe(false);
  });
});
