// Types of compilers.mjs.
export const livehtmlSource: string;
export const COMPILERS: Record<string, () => Promise<() => string>>;
