// The account fields' labels, as the forms and the main process's messages name them. A module of its own, without
// the rules (shared/accounts.ts): the window's first screen, the sign-in form, shows these words and nothing else of
// the accounts' schemas (renderer/session/SignInPage.tsx).
import type { Labels } from './validation';

export const ACCOUNT_LABELS: Labels = {
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  password: '密码',
  currentPassword: '当前密码',
  newPassword: '新密码',
  userId: '用户',
  active: '启用',
};
