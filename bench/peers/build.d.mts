// Types of build.mjs.
export function buildPeers(out: string): void;
