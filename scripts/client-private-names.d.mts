// Types of client-private-names.mjs for the TypeScript that imports it (tests).
export function privateNames(dirs: string[]): string[];
