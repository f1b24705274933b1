// The small forms (signing in, accounts, interference records, backups) checked as the long ones are: each
// field's message from the shared schema the main process enforces, shown once the field is touched and all
// at once on submit, with the main process's field messages under their fields and any other refusal said
// above the button.
import { Alert, Button, Form, Space, type FormInstance } from 'antd';
import { useCallback, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { z } from 'zod';
import { fieldIssues, type Labels } from '../../shared/validation';
import { ApiError } from '../api';
import { errorMessage } from '../app/apiContext';
import { enterMovesFocus } from './enterMovesFocus';
import { controlId, FieldMessagesContext } from './FormField';
import { refusedFields, useFieldMessages } from './useFieldMessages';

/** The schema's messages for these values, keyed by field path. */
export function schemaIssues(schema: z.ZodType, values: unknown, labels: Labels): Map<string, string> {
  const parsed = schema.safeParse(values);
  return parsed.success ? new Map() : new Map(fieldIssues(parsed.error, labels).map((i) => [i.field, i.message]));
}

/** Adds "两次输入的密码不一致" under the confirmation field. */
export function confirmIssue(
  issues: Map<string, string>,
  path: string,
  label: string,
  confirm: string,
  password: string,
): Map<string, string> {
  if (!confirm) issues.set(path, `${label}：不能为空`);
  else if (confirm !== password) issues.set(path, `${label}：两次输入的密码不一致`);
  return issues;
}

interface Options<T> {
  formName: string;
  labels: Labels;
  initial: T;
  issuesOf(values: T): Map<string, string>;
}

export interface CheckedForm<T> {
  form: FormInstance<T>;
  formName: string;
  labels: Labels;
  initial: T;
  messages: ReturnType<typeof useFieldMessages>;
  values(): T;
  onValuesChange(changed: Partial<T>): void;
  /** The values when every rule passes; otherwise every message is shown, the first field focused, and null. */
  check(): T | null;
  /**
   * A refusal from the main process: its field messages go under the fields this form has; the message to say
   * above the button is returned when it names none of them.
   */
  refuse(error: unknown, rename?: (path: string) => string): string | null;
}

export function useCheckedForm<T extends object>({
  formName,
  labels,
  initial: given,
  issuesOf,
}: Options<T>): CheckedForm<T> {
  const [form] = Form.useForm<T>();
  const [initial] = useState(given);
  const messages = useFieldMessages({ formName, initialIssues: () => issuesOf(initial) });
  const values = useCallback(
    () => ({ ...initial, ...(form.getFieldsValue(true) as Partial<T>) }) as T,
    [form, initial],
  );

  const onValuesChange = (changed: Partial<T>) => {
    messages.changed(changed);
    messages.store.setIssues(issuesOf(values()));
  };

  const check = (): T | null => {
    const found = issuesOf(values());
    messages.store.setIssues(found);
    if (found.size === 0) return values();
    messages.showAll();
    return null;
  };

  const refuse = (error: unknown, rename: (path: string) => string = (p) => p): string | null => {
    const code = error instanceof ApiError ? error.data.code : null;
    if (code === 'VALIDATION' || code === 'CONFLICT') {
      const holder = messages.holder.current;
      const fields = new Map(
        [...refusedFields(error)]
          .map(([path, text]) => [rename(path), text] as const)
          .filter(([path]) => holder?.querySelector(`[id="${controlId(formName, path)}"]`)),
      );
      if (fields.size > 0) {
        messages.showRefusal(
          new ApiError({
            code: 'VALIDATION',
            message: '',
            issues: [...fields].map(([field, message]) => ({ field, message })),
          }),
        );
        return null;
      }
    }
    return errorMessage(error);
  };

  return { form, formName, labels, initial, messages, values, onValuesChange, check, refuse };
}

export interface Submission {
  busy: boolean;
  /** The refusal to say above the button (field messages go under their fields). */
  refusal: string | null;
  /** Checks the form, then sends it once at a time; a refusal is kept for the form to show. */
  submit(): Promise<void>;
}

interface SubmitOptions {
  /** Maps a field the main process names onto this form's field (the sign-in's 密码 is 当前密码 here). */
  rename?: (path: string) => string;
  /** Sees a refusal first: returns true when it dealt with it (the session was lost, say). */
  onRefused?: (error: unknown) => boolean | void;
}

/** The one send-and-refuse cycle every checked form runs. */
export function useSubmit<T extends object>(
  checked: CheckedForm<T>,
  send: (values: T) => Promise<void>,
  { rename, onRefused }: SubmitOptions = {},
): Submission {
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (busy) return;
    setRefusal(null);
    const values = checked.check();
    if (!values) return;
    setBusy(true);
    try {
      await send(values);
      setBusy(false);
    } catch (error) {
      if (onRefused?.(error) === true) return;
      setRefusal(checked.refuse(error, rename));
      setBusy(false);
    }
  };
  return { busy, refusal, submit };
}

/** The refusal, if any, then the submit and 取消 buttons, and anything said beside them. */
export function SubmitRow({
  submission,
  label = '保存',
  onCancel,
  children,
}: {
  submission: Submission;
  label?: string;
  onCancel(): void;
  children?: ReactNode;
}) {
  return (
    <>
      {submission.refusal && <Alert className="page-alert" type="error" showIcon title={submission.refusal} />}
      <Space align="center">
        <Button type="primary" htmlType="button" loading={submission.busy} onClick={() => void submission.submit()}>
          {label}
        </Button>
        <Button htmlType="button" onClick={onCancel}>
          取消
        </Button>
        {children}
      </Space>
    </>
  );
}

/** Enter in a one-line field submits (sign in, unlock); elsewhere it keeps its own meaning. */
function enterSubmits(submit: () => void) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey) return;
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    const target = event.target;
    if (!(target instanceof HTMLInputElement)) return;
    if (target.getAttribute('role') === 'combobox') return;
    event.preventDefault();
    submit();
  };
}

interface FrameProps<T> {
  checked: CheckedForm<T>;
  /** Enter submits through this; without it Enter moves to the next field, as on the long forms. */
  onEnter?: () => void;
  layout?: 'vertical' | 'horizontal' | 'inline';
  style?: React.CSSProperties;
  className?: string;
  children: ReactNode;
}

export function CheckedFormFrame<T extends object>({
  checked,
  onEnter,
  layout = 'vertical',
  style,
  className,
  children,
}: FrameProps<T>) {
  const { form, formName, labels, initial, messages, onValuesChange } = checked;
  return (
    <FieldMessagesContext.Provider value={{ formName, labels, store: messages.store }}>
      <div
        ref={messages.holder}
        className={className}
        onKeyDownCapture={onEnter ? enterSubmits(onEnter) : enterMovesFocus}
        onBlurCapture={messages.onBlurCapture}
      >
        <Form<T>
          form={form}
          name={formName}
          layout={layout}
          initialValues={initial}
          onValuesChange={onValuesChange}
          style={style}
        >
          {children}
        </Form>
      </div>
    </FieldMessagesContext.Provider>
  );
}
