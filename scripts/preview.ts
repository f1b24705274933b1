// npm run preview [-- --db FILE] [--port N] [--key-file FILE]: the app in a browser, for machines without a display.
import { resolveDataFile } from '../electron/paths';
import { ArgumentError, parseArgs, stringFlag } from './args';
import { keysForRun } from './keyInput';
import { startPreviewServer } from './previewServer';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { db: 'string', port: 'string', 'key-file': 'string' });
  const dataFile = resolveDataFile(process.argv.slice(2), process.env);
  const port = Number(stringFlag(args, 'port') ?? 0);
  // A new data file's key is shown at 首次设置 (恢复密钥); an existing one needs the key file or the recovery key.
  const keys = await keysForRun(dataFile, { keyFile: stringFlag(args, 'key-file'), newKeyInMemory: true });
  const server = await startPreviewServer({ dataFile, port, keys });
  console.log(`CaseDesk preview: ${server.url}`);
  console.log(`Data file: ${dataFile}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  if (error instanceof ArgumentError)
    console.error('用法 / usage: npm run preview -- [--db FILE] [--port N] [--key-file 密钥文件]');
  process.exit(error instanceof ArgumentError ? 2 : 1);
});
