// Types of compile-sources.mjs: the medium component for each peer compiler.
export const svelteSrc: string;
export const vueSrc: string;
export const markoSrc: string;
