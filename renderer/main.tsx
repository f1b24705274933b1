// Entry point: the same bundle runs in Electron (preload's invoke) and in the loopback preview (HTTP).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi, defaultInvoke } from './api';
import { App } from './App';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App api={createApi(defaultInvoke())} />
  </StrictMode>,
);
