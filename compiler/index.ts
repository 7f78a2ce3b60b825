// The livehtml compiler's public entry (`livehtml/compiler`).
export { parse } from "./parse/index.ts";
export type { ParseOptions, ParseResult } from "./parse/index.ts";
export { compile } from "./compile.ts";
export type { CompileOptions, CompileResult } from "./compile.ts";
export type { CompileMeta, SlotMeta } from "./emit/meta.ts";
export { compileColocated } from "./colocated.ts";
export type { ColocatedOptions, ColocatedResult } from "./colocated.ts";
export { extractHooks, hookScope, type ColocatedHook } from "./hooks.ts";
export { hooksOfFile, hooksIndexModule, type HookSource } from "./hooks-of-file.ts";
export { formatDiagnostic } from "./diagnostics/create.ts";
export type * from "./parse/ast.ts";
export type { Diagnostic, Position } from "./diagnostics/types.ts";
