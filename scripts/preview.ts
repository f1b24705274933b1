// npm run preview [-- --db FILE] [--port N]: the app in a browser, for machines without a display.
import { resolveDataFile } from '../electron/paths';
import { ArgumentError, parseArgs, stringFlag } from './args';
import { startPreviewServer } from './previewServer';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { db: 'string', port: 'string' });
  const dataFile = resolveDataFile(process.argv.slice(2), process.env);
  const port = Number(stringFlag(args, 'port') ?? 0);
  const server = await startPreviewServer({ dataFile, port });
  console.log(`CaseDesk preview: ${server.url}`);
  console.log(`Data file: ${dataFile}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  if (error instanceof ArgumentError) console.error('用法 / usage: npm run preview -- [--db FILE] [--port N]');
  process.exit(error instanceof ArgumentError ? 2 : 1);
});
