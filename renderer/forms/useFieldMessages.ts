// Which field messages a form shows, and when: a field's own message once the clerk has typed in it or left it,
// every message after 保存, and the main process's messages until the clerk changes the field they name.
// The messages live in a small store that each field subscribes to, so a keystroke re-renders the fields whose
// message changed, not the whole form (these are long forms, on old office PCs).
import dayjs from 'dayjs';
import { useCallback, useEffect, useRef, useState, type FocusEvent } from 'react';
import { ApiError } from '../api';
import { pathOfControlId } from './FormField';

/** Every path a change (or a value) reaches, with its prefixes: `applicant.name` also reaches `applicant`. */
export function reachedPaths(
  value: unknown,
  keep: (leaf: unknown) => boolean = () => true,
  rename: (path: string) => string = (p) => p,
  prefix: string[] = [],
  out: Set<string> = new Set(),
): Set<string> {
  const nested = value !== null && typeof value === 'object' && !dayjs.isDayjs(value);
  if (nested) {
    for (const [key, child] of Object.entries(value))
      if (child !== undefined) reachedPaths(child, keep, rename, [...prefix, key], out);
  }
  if (prefix.length && (nested || keep(value))) {
    for (let i = 1; i <= prefix.length; i++) out.add(rename(prefix.slice(0, i).join('.')));
  }
  return out;
}

/**
 * The main process's field messages for a form, keyed by the form's paths: `application.applicant.idNumber`
 * becomes `applicant.idNumber` when the form edits `application`. Empty when the refusal names no field.
 */
export function refusedFields(error: unknown, prefix = ''): Map<string, string> {
  const data = error instanceof ApiError ? error.data : null;
  const issues = data?.issues ?? (data?.field ? [{ field: data.field, message: data.message }] : []);
  return new Map(
    issues
      .filter((i) => i.field.startsWith(prefix) && i.field.length > prefix.length)
      .map((i) => [i.field.slice(prefix.length), i.message]),
  );
}

class FieldMessageStore {
  private issues: ReadonlyMap<string, string> = new Map();
  private touched = new Set<string>();
  private submitted = false;
  private refused = new Map<string, string>();
  private shown = new Map<string, string>();
  private listeners = new Set<() => void>();

  constructor(issues: ReadonlyMap<string, string>, touched: Set<string>) {
    this.issues = issues;
    this.touched = touched;
    this.recompute();
  }

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  message(path: string): string | undefined {
    return this.shown.get(path);
  }

  setIssues(issues: ReadonlyMap<string, string>): void {
    this.issues = issues;
    this.recompute();
  }

  touch(paths: ReadonlySet<string>): void {
    for (const p of paths) {
      this.touched.add(p);
      this.refused.delete(p); // a refused value the clerk has since changed is judged afresh
    }
    this.recompute();
  }

  showAll(): void {
    this.submitted = true;
    this.recompute();
  }

  refuse(fields: Map<string, string>): void {
    this.refused = fields;
    this.recompute();
  }

  private recompute(): void {
    const shown = new Map<string, string>();
    for (const [field, text] of this.issues) if (this.submitted || this.touched.has(field)) shown.set(field, text);
    for (const [field, text] of this.refused) if (!shown.has(field)) shown.set(field, text);
    const same = shown.size === this.shown.size && [...shown].every(([k, v]) => this.shown.get(k) === v);
    this.shown = shown;
    if (!same) for (const listener of this.listeners) listener();
  }
}

interface Options {
  formName: string;
  /** The messages the shared rules give for the values the form starts with. */
  initialIssues: () => ReadonlyMap<string, string>;
  initiallyTouched?: () => Set<string>;
  /** A control's form path → the path its messages are keyed by. */
  rename?: (path: string) => string;
}

const same = (p: string) => p;

export function useFieldMessages({ formName, initialIssues, initiallyTouched, rename = same }: Options) {
  const holder = useRef<HTMLDivElement>(null);
  const [store] = useState(() => new FieldMessageStore(initialIssues(), initiallyTouched?.() ?? new Set()));
  const [focusRequest, setFocusRequest] = useState(0);

  /** For antd's onValuesChange: the changed values mark their fields as touched. */
  const changed = useCallback(
    (changedValues: unknown) => store.touch(reachedPaths(changedValues, undefined, rename)),
    [store, rename],
  );

  const onBlurCapture = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      const id = (event.target as HTMLElement).closest('[id]')?.id;
      const path = id ? pathOfControlId(formName, id) : null;
      if (path) store.touch(new Set([rename(path)]));
    },
    [formName, rename, store],
  );

  /** 保存 was pressed with these messages: show them all, and focus the first marked field. */
  const showAll = useCallback(() => {
    store.showAll();
    setFocusRequest((n) => n + 1);
  }, [store]);

  /** Marks the fields the main process refused; false when it named none (then say its message elsewhere). */
  const showRefusal = useCallback(
    (error: unknown, prefix = ''): boolean => {
      const fields = refusedFields(error, prefix);
      if (fields.size === 0) return false;
      store.refuse(fields);
      setFocusRequest((n) => n + 1);
      return true;
    },
    [store],
  );

  useEffect(() => {
    if (focusRequest === 0) return;
    const item = holder.current?.querySelector('.ant-form-item-has-error');
    const control = item?.querySelector<HTMLElement>(
      'input:not([type="hidden"]):not([disabled]), textarea:not([disabled]), button:not([disabled])',
    );
    item?.scrollIntoView({ block: 'center' });
    control?.focus({ preventScroll: true });
  }, [focusRequest]);

  return { holder, store, changed, onBlurCapture, showAll, showRefusal };
}
