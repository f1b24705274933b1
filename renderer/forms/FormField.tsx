// A form field labelled with the printed form's words, showing the message the shared rules give for it.
import { Form } from 'antd';
import { cloneElement, createContext, useContext, useSyncExternalStore, type ReactElement } from 'react';
import { labelFor, type Labels } from '../../shared/validation';

export interface FieldMessages {
  /** The form's name: antd gives each control the id `${formName}_${path joined by _}`. */
  formName: string;
  labels: Labels;
  /** The messages to show now, keyed by payload path. */
  store: { subscribe(listener: () => void): () => void; message(path: string): string | undefined };
}

export const FieldMessagesContext = createContext<FieldMessages | null>(null);

const segments = (path: string): (string | number)[] => path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

export function controlId(formName: string, path: string): string {
  return `${formName}_${path.replace(/\./g, '_')}`;
}

/** The payload path a control id stands for: `legalAid_opposingParties_0_name` → `opposingParties.0.name`. */
export function pathOfControlId(formName: string, id: string): string | null {
  const prefix = `${formName}_`;
  if (!id.startsWith(prefix) || /_(help|extra|list|label)$/.test(id)) return null;
  return id.slice(prefix.length).replace(/_/g, '.');
}

interface FieldProps {
  /** Path in the payload, e.g. `applicant.idNumber` or `opposingParties.0.name`: names the label and the message. */
  path: string;
  /** The form's name path when it is not the payload path (a Form.List row, the income in yuan). */
  name?: (string | number)[];
  /** A field with no value of its own (a section's message holder). */
  noName?: boolean;
  label?: string;
  required?: boolean;
  valuePropName?: string;
  /** Radio and checkbox groups are not labelable elements: they are named by aria-labelledby instead. */
  group?: boolean;
  extra?: React.ReactNode;
  children: ReactElement<Record<string, unknown>>;
}

export function FormField({ path, name, noName, label, required, valuePropName, group, extra, children }: FieldProps) {
  const context = useContext(FieldMessagesContext);
  if (!context) throw new Error('FormField outside FieldMessagesContext');
  const { formName, labels, store } = context;
  const message = useSyncExternalStore(store.subscribe, () => store.message(path));
  const text = label ?? labelFor(labels, segments(path)) ?? path;
  const labelId = `${controlId(formName, path)}_label`;
  return (
    <Form.Item
      {...(noName ? {} : { name: name ?? segments(path) })}
      label={group ? <span id={labelId}>{text}</span> : text}
      required={required}
      validateStatus={message ? 'error' : undefined}
      help={message}
      extra={extra}
      valuePropName={valuePropName}
    >
      {group
        ? cloneElement(children, { 'aria-labelledby': labelId, ...(message ? { 'aria-invalid': true } : {}) })
        : children}
    </Form.Item>
  );
}
