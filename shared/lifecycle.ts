// A case's lifecycle as data: for each action, the statuses it may be taken from and the status it leads to.
// Each kind declares its own (shared/legalAid/lifecycle.ts, ...); the rules here are shared and pure.
import { formatChineseDate } from './dates';

interface ActionDef<S extends string> {
  /** Chinese, as the timeline shows it: 一次性告知补充材料, 指派, 结案 ... */
  label: string;
  from: readonly S[];
  /** The status after the action; a function when it depends on the action's data (grant or refuse). */
  to: S | ((data: Record<string, unknown>) => S);
}

export type Lifecycle<S extends string, A extends string> = {
  statusLabels: Record<S, string>;
  actions: Record<A, ActionDef<S>>;
};

export interface CaseAction {
  id: number;
  action: string;
  actedOn: string;
  data: Record<string, unknown>;
  fromStatus: string | null;
  toStatus: string;
  username: string;
  recordedAt: string;
}

/** Null when the action may be taken now; otherwise the Chinese reason it may not. */
export function transitionProblem<S extends string, A extends string>(
  lifecycle: Lifecycle<S, A>,
  status: S,
  action: A,
): string | null {
  const def = lifecycle.actions[action];
  if (def.from.includes(status)) return null;
  const allowed = def.from.map((s) => `“${lifecycle.statusLabels[s]}”`).join('、');
  return `案件当前为“${lifecycle.statusLabels[status]}”，不能进行“${def.label}”（须在${allowed}时进行）`;
}

export function nextStatus<S extends string, A extends string>(
  lifecycle: Lifecycle<S, A>,
  action: A,
  data: Record<string, unknown>,
): S {
  const to = lifecycle.actions[action].to;
  return typeof to === 'function' ? to(data) : to;
}

/**
 * An action's date must be a real day, not in the future, and not before the case's previous action: a
 * timeline only moves forward.
 */
export function actionDateProblem(actedOn: string, previous: string, today: string): string | null {
  if (actedOn > today) return '不能晚于今天';
  if (actedOn < previous) return `不能早于上一步的日期（${formatChineseDate(previous)}）`;
  return null;
}
