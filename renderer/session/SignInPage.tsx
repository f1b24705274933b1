// 登录: who is at the desk. Several clerks share one PC; each signs in with their own account.
// The window's usual first screen (renderer/WindowRoot.tsx), so it is drawn with React and its own markup and styles
// (renderer/styles.css) and nothing else: no antd, no schemas. The old PCs of the offices took longer to run
// antd's form and the accounts' rules than to draw the form itself. It checks only that both fields are filled; the
// main process checks the rest and says what is wrong, shown above the button like a wrong password.
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ACCOUNT_LABELS } from '../../shared/accountLabels';
import type { SessionUser } from '../../shared/accounts';
import type { Office } from '../../shared/office';
import { errorMessage, useApi } from '../app/apiContext';

type Field = 'username' | 'password';
const FIELDS: readonly Field[] = ['username', 'password'];

interface Props {
  office: Office | null;
  /** The user whose pages are still open under this screen (their session ended): they continue where they were. */
  resuming: SessionUser | null;
  /** With the user the main process signed in (its answer: the session gate needs no second call to know it). */
  onSignedIn(user: SessionUser): void | Promise<void>;
}

export function SignInPage({ office, resuming, onSignedIn }: Props) {
  const api = useApi();
  const [values, setValues] = useState<Record<Field, string>>({ username: resuming?.username ?? '', password: '' });
  const [empty, setEmpty] = useState<Field[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputs = useRef<Partial<Record<Field, HTMLInputElement | null>>>({});

  const change = (field: Field, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (value !== '') setEmpty((e) => e.filter((f) => f !== field));
  };

  const signIn = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    setRefusal(null);
    const missing = FIELDS.filter((f) => values[f] === '');
    setEmpty(missing);
    if (missing.length > 0) {
      inputs.current[missing[0]!]?.focus();
      return;
    }
    setBusy(true);
    try {
      await onSignedIn(await api.call('auth.signIn', values));
    } catch (error) {
      // A wrong password or a locked account: said above the button, and the password is typed again.
      setRefusal(errorMessage(error));
      setValues((v) => ({ ...v, password: '' }));
      inputs.current.password?.focus();
    }
    setBusy(false);
  };

  /** A field's control: its value, and what names it and says what is wrong with it (SignInField shows both). */
  const control = (name: Field): InputProps => ({
    id: controlId(name),
    name,
    required: true,
    'aria-invalid': empty.includes(name) || undefined,
    'aria-describedby': empty.includes(name) ? helpId(name) : undefined,
    ref: (element) => void (inputs.current[name] = element),
    value: values[name],
    onChange: (e) => change(name, e.target.value),
  });

  return (
    <div className="session-page sign-in">
      <h2 className="sign-in-title">登录</h2>
      <p className="sign-in-secondary">司法所案件台账{office ? ` · ${office.name}` : ''}</p>
      {resuming && (
        <div className="sign-in-alert sign-in-warning">
          <div className="sign-in-alert-title">登录已失效，请重新登录</div>
          <div>{`${resuming.displayName}重新登录后，可继续刚才的操作；填写中的申请已自动保存为草稿。`}</div>
        </div>
      )}
      <form className="sign-in-form" noValidate onSubmit={(e) => void signIn(e)}>
        <SignInField name="username" empty={empty.includes('username')}>
          <input
            {...control('username')}
            className="sign-in-input"
            autoFocus={!resuming}
            maxLength={32}
            autoComplete="username"
          />
        </SignInField>
        <SignInField name="password" empty={empty.includes('password')}>
          <PasswordInput {...control('password')} autoFocus={!!resuming} />
        </SignInField>
        {refusal && (
          <div className="sign-in-alert sign-in-error" role="alert">
            {refusal}
          </div>
        )}
        <button type="submit" className="sign-in-button" aria-busy={busy} disabled={busy}>
          登录
        </button>
      </form>
      <p className="sign-in-secondary sign-in-footnote">忘记密码请联系管理员或所长重置。</p>
    </div>
  );
}

type InputProps = React.InputHTMLAttributes<HTMLInputElement> & { ref?: React.Ref<HTMLInputElement> };

const controlId = (name: Field) => `signIn_${name}`;
const helpId = (name: Field) => `signIn_${name}_help`;

/** A required field: its label, its control, and what is wrong with it, said as the other forms say it. */
function SignInField({ name, empty, children }: { name: Field; empty: boolean; children: ReactNode }) {
  const label = ACCOUNT_LABELS[name]!;
  return (
    <div className={`sign-in-field${empty ? ' sign-in-field-error' : ''}`}>
      <label className="sign-in-label" htmlFor={controlId(name)}>
        {label}
      </label>
      {children}
      {empty && (
        <div className="sign-in-explain" id={helpId(name)}>
          {`${label}：不能为空`}
        </div>
      )}
    </div>
  );
}

/** The password, hidden unless the clerk asks to see it. */
function PasswordInput(props: InputProps) {
  const [shown, setShown] = useState(false);
  return (
    <span className="sign-in-password">
      <input
        {...props}
        className="sign-in-input"
        type={shown ? 'text' : 'password'}
        maxLength={128}
        autoComplete="current-password"
      />
      <button
        type="button"
        className="sign-in-reveal"
        aria-pressed={shown}
        tabIndex={-1}
        onClick={() => setShown((s) => !s)}
      >
        {shown ? '隐藏' : '显示'}
      </button>
    </span>
  );
}
