// Entry point: the same bundle runs in Electron (preload's invoke) and in the loopback preview (HTTP). React draws
// the first screen once the session's state, asked before this module ran (renderer/firstCall.ts), is known: the
// sign-in form by itself, or the app (renderer/WindowRoot.tsx).
// The first import: its chunk runs before React's (renderer/vite.config.ts).
import { firstStatus, windowApi } from './firstCall';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { WindowRoot } from './WindowRoot';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
void firstStatus.then((first) =>
  createRoot(root).render(
    <StrictMode>
      <WindowRoot api={windowApi} first={first} />
    </StrictMode>,
  ),
);
