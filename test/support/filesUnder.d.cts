// The type of test/support/filesUnder.cjs for the TypeScript suites that import it.
export function filesUnder(dir: string, pattern: RegExp): string[];
