// A bundle's every character made ASCII, for the main process's bundle and the bench's. V8 keeps each script's
// source in the heap for the life of the process, one byte a character only when every character fits in one;
// esbuild escapes the strings but leaves Chinese in comments and regular expressions, and one such character made
// the 6 MB bundle 12 MB of two-byte source held from start-up on (with it, about a quarter of the main process's
// heap at rest). A `\uXXXX` escape means the same character in a comment, a string and a regular expression (a
// surrogate pair's two escapes are one code point in a /u expression too).
//
//   tsx scripts/asciiBundle.ts dist/bench.js   rewrites the file in place
import fs from 'node:fs';

export function asciiOnly(code: string): string {
  return code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Rewrites a bundle in place; its length in bytes afterwards. */
export function makeBundleAscii(file: string): number {
  const code = asciiOnly(fs.readFileSync(file, 'utf8'));
  fs.writeFileSync(file, code);
  return code.length;
}

if (require.main === module) {
  for (const file of process.argv.slice(2)) makeBundleAscii(file);
}
