// The renderer's build: relative asset URLs so the same output loads from file:// in Electron and from the
// loopback preview server; antd's styles made by the build (renderer/antdStaticStyles.ts); rc-table's scrollbar
// measured once per window (renderer/tableScrollbarOnce.ts).
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { antdStaticStyles } from './antdStaticStyles';
import { tableScrollbarOnce } from './tableScrollbarOnce';

/** renderer/firstCall.ts and what it imports. */
const FIRST_CALL_MODULES =
  /[\\/](renderer[\\/](firstCall|api|session[\\/]authStatus)|shared[\\/](client|outgoingFile))\.ts$/;

export default defineConfig({
  root: __dirname,
  base: './',
  plugins: [react(), antdStaticStyles(), tableScrollbarOnce()],
  build: {
    outDir: path.resolve(__dirname, '../dist/renderer'),
    emptyOutDir: true,
    // antd is most of the bundle; it is loaded once from local disk, never over a network.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The window's first call and the client it goes through, a chunk of their own that the entry imports
          // first: it runs before React's chunk, so auth.status is asked while React and antd are being run
          // (renderer/firstCall.ts).
          groups: [{ name: 'firstCall', test: FIRST_CALL_MODULES }],
        },
      },
    },
  },
});
