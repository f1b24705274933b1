// The window's client, and its first call sent the moment the page's first script runs: index.html loads this
// module before the app's entry (renderer/main.tsx), so the session's state (auth.status) is asked while React and
// the sign-in form are still being read, and the first screen React draws is the one the clerk needs (the sign-in
// form, usually) instead of a spinner, then the form a round trip later. Under Electron the call goes
// through the preload; in the preview over loopback HTTP.
import { createApi, defaultInvoke } from './api';
import { askStatus } from './session/authStatus';

export const windowApi = createApi(defaultInvoke());

export const firstStatus = askStatus(windowApi);
