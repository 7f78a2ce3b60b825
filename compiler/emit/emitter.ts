// Emits the two renderers of a lowered template:
//
// - the tree renderer: `$node(statics, fingerprint, root, dynamic, html)` per block, whose
//   `dynamic(track)` computes a slot only when `track` is off or one of the slot's
//   dependencies changed (`$t || <checks>`), and leaves it `null` otherwise;
// - the HTML renderer: one function per block that concatenates statics and escaped values
//   directly, never building the tree (the first, HTTP render).
//
// The emitter writes blocks, guards and the HTML functions; each slot's own code comes from its
// kind's visitor (compiler/slots/), which writes through the members it exposes here.
//
// Generated names start with `$` so that they cannot collide with assigns (`assigns.x`) and
// rarely with user code. `$c` is the template's change map, `$t` "render every slot" in the
// current node, `$v<depth>`/`$vars<depth>` a loop entry's changed variables and its values.

import type * as AST from "../parse/ast.ts";
import type { Analysis, Dependencies, TemplateScope } from "../analyze/types.ts";
import type { Block, Slot } from "../lower/ir.ts";
import { HelperRegistry } from "./helpers.ts";
import type { CodeWriter } from "./writer.ts";
import { slotKind } from "../slots/index.ts";

export interface EmitOptions {
  /** The type of `assigns` in hoisted HTML functions (`$Assigns`, or `typeof assigns` inside a `.ts` file). */
  assignsType: string;
  /** Distinguishes the hoisted constants of several templates in one module. */
  prefix?: string;
  /** Nodes with at least this many slots answer tracked renders sparsely (default 32). */
  sparseMinSlots?: number;
}

export class Emitter {
  readonly helpers = new HelperRegistry();
  /** Built-in components the template calls (imported from `livehtml/components`). */
  readonly builtins = new Set<string>();
  /** Hoisted path constants (`const $P0 = ["user","name"]`), deduplicated by content. */
  private paths = new Map<string, string>();
  /**
   * Loop depths whose variables are known not to have changed where the code being written runs
   * (an entry re-rendered in place): guards on them are left out.
   */
  readonly unchangedVars = new Set<number>();
  /** Hoisted slot indexes of large nodes by name (see `sparseSlots`); a node may be emitted twice. */
  private sparseIndexes = new Map<string, string>();
  /** In the HTML body being written: the local holding each value several of its slots read (see `shareValues`). */
  private shared = new Map<AST.Expression, string>();
  private sharedCount = 0;

  constructor(
    readonly out: CodeWriter,
    readonly analysis: Analysis,
    private readonly options: EmitOptions,
  ) {}

  /** A template expression, mapped to its source, `@name` written `assigns.name`. */
  expr(e: AST.Expression): void {
    const info = this.analysis.expressions.get(e);
    this.out.expression(e.start, e.end, info?.assignRefs ?? []);
  }

  /** The part of a template expression from `offset` (relative to its start) on, mapped as `expr` maps it. */
  exprFrom(e: AST.Expression, offset: number): void {
    const refs = this.analysis.expressions.get(e)?.assignRefs ?? [];
    this.out.expression(e.start + offset, e.end, refs.filter((ref) => ref >= offset).map((ref) => ref - offset));
  }

  /** Raw source text, mapped (binding patterns: they contain no `@`). */
  pattern(e: AST.Expression): void {
    this.out.expression(e.start, e.end, []);
  }

  /** The local name of a built-in component, recording that the module imports it. */
  builtin(name: string): string {
    this.builtins.add(name);
    return builtinAlias(name);
  }

  /** `import { link as $builtin_link } from "livehtml/components"`, or "" when none is used. */
  builtinImports(): string {
    return builtinImportLine(this.builtins);
  }

  /** The name of a block's hoisted statics array. */
  staticsName(block: Block): string {
    return `$S${this.options.prefix ?? ""}${block.id}`;
  }

  pathConstants(): string {
    let code = [...this.sparseIndexes.values()].join("");
    for (const [json, name] of this.paths) code += `const ${name} = ${json};\n`;
    return code;
  }

  private pathConstant(path: readonly string[]): string {
    const json = JSON.stringify(path);
    let name = this.paths.get(json);
    if (!name) this.paths.set(json, (name = `$P${this.options.prefix ?? ""}${this.paths.size}`));
    return name;
  }

  // ---------------------------------------------------------------- guards

  /** The condition under which a slot with `deps` is computed, inside a node's `dynamic`. */
  guard(deps: Dependencies): string {
    const checks = this.changeChecks(deps);
    return checks === "true" ? "true" : checks === "false" ? "$t" : `$t || ${checks}`;
  }

  /** Whether any dependency changed, assuming `$c` is not null; "true" / "false" when fixed. */
  changeChecks(deps: Dependencies): string {
    if (deps.always) return "true";
    const parts: string[] = [];
    for (const path of deps.assigns) {
      parts.push(path.length === 1 ? `$c${member(path[0]!)} !== undefined` : `${this.helpers.use("pathChanged")}($c, assigns, ${this.pathConstant(path)})`);
    }
    for (const read of deps.vars) {
      if (read.scope.kind === "let") return "true";
      const d = read.scope.depth;
      if (this.unchangedVars.has(d)) continue;
      const [name, ...rest] = read.path;
      parts.push(
        rest.length === 0
          ? `$v${d} === null || $v${d}${member(name!)} !== undefined`
          : `$v${d} === null || ${this.helpers.use("pathChanged")}($v${d}, $vars${d}, ${this.pathConstant(read.path)})`,
      );
    }
    return parts.length === 0 ? "false" : parts.join(" || ");
  }

  // ---------------------------------------------------------------- tree renderer

  /** A node expression for `block` (a `Rendered`). */
  node(block: Block): void {
    const o = this.out;
    if (block.slots.length === 0) {
      o.text(`${this.helpers.use("staticNode")}(${this.staticsName(block)}, ${block.fingerprint}, ${block.root})`);
      return;
    }
    o.text(`${this.helpers.use("node")}(${this.staticsName(block)}, ${block.fingerprint}, ${block.root}, (track: boolean) => {\n`);
    o.text(`const $t = !track || $c === null;\n`);
    if (block.slots.length >= (this.options.sparseMinSlots ?? SPARSE_MIN_SLOTS)) {
      this.sparseSlots(block);
    } else {
      o.text("return [\n");
      this.slotValues(block.slots);
      o.text("];\n");
    }
    o.text(`}, () => ${this.htmlCall(block)})`);
  }

  /**
   * A tracked render of a large node visits only the slots indexed under a changed assign (plus
   * those reading variables), instead of evaluating every guard: a one-assign change to a node of
   * a thousand slots costs a few slots, not a thousand.
   */
  private sparseSlots(block: Block): void {
    const o = this.out;
    const byAssign = new Map<string, number[]>();
    const alwaysCheck: number[] = [];
    for (const slot of block.slots) {
      if (slot.deps.always || slot.deps.vars.length > 0) {
        alwaysCheck.push(slot.index);
        continue;
      }
      for (const root of new Set(slot.deps.assigns.map((path) => path[0]!))) {
        const list = byAssign.get(root) ?? [];
        list.push(slot.index);
        byAssign.set(root, list);
      }
    }
    const index = `$K${this.options.prefix ?? ""}${block.id}`;
    this.sparseIndexes.set(index, `const ${index} = new Map<string, number[]>(${JSON.stringify([...byAssign])});\n`);
    // One function computes any slot (its guard included), for both the full and the sparse path.
    o.text(`const $slot = (i: number): $Dynamic => {\nswitch (i) {\n`);
    for (const slot of block.slots) {
      o.text(`case ${slot.index}: return `);
      this.slotValue(slot);
      o.text(";\n");
    }
    o.text("default: return null;\n}\n};\n");
    o.text(`if (!$t) return ${this.helpers.use("sparse")}(${block.slots.length}, $c!, ${index}, ${JSON.stringify(alwaysCheck)}, $slot);\n`);
    // The full render: an array literal is faster than a call per slot, but it repeats each
    // slot's code; nested nodes would then be emitted twice over at every level, so a node
    // holding any goes through the switch instead.
    const nested = block.slots.some((slot) => slot.kind === "if" || slot.kind === "for" || slot.kind === "component");
    if (nested) {
      o.text(`return ${this.helpers.use("allSlots")}(${block.slots.length}, $slot);\n`);
    } else {
      o.text("return [\n");
      this.slotValues(block.slots);
      o.text("];\n");
    }
  }

  /** Each slot's guarded value, one per line of an array literal. */
  slotValues(slots: readonly Slot[]): void {
    for (const slot of slots) {
      this.slotValue(slot);
      this.out.text(",\n");
    }
  }

  /** Each slot's guarded value written into `target` by position, one statement per line. */
  slotAssignments(slots: readonly Slot[], target: string): void {
    for (const [k, slot] of slots.entries()) {
      this.out.text(`${target}[${k}] = `);
      this.slotValue(slot);
      this.out.text(";\n");
    }
  }

  /** `(guard) ? value : null`: the slot's value when its dependencies say it may have changed. */
  private slotValue(slot: Slot): void {
    this.out.text(`(${this.guard(slot.deps)}) ? `);
    slotKind(slot).tree(slot, this);
    this.out.text(" : null");
  }

  // ---------------------------------------------------------------- HTML renderer

  /** A call of the block's HTML function with the template variables in scope. */
  htmlCall(block: Block): string {
    return `$h${block.id}(${["assigns", ...scopeNames(block.scope)].join(", ")})`;
  }

  /** `function $h<id>(assigns, …names): string { … }` for one block. */
  htmlFunction(block: Block): void {
    const o = this.out;
    const params = [`assigns: ${this.options.assignsType}`];
    const names = scopeNames(block.scope);
    for (const name of names) params.push(`${name}: any`);
    o.text(`function $h${block.id}(${params.join(", ")}): string {\n`);
    if (names.length > 0) {
      o.text("// Template variables arrive untyped here; the tree renderer type-checks every expression.\n");
    }
    o.text(`let $o = ${JSON.stringify(block.statics[0])};\n`);
    this.htmlBody(block, false);
    o.text("return $o;\n}\n");
  }

  /** Statements appending a block's HTML to `$o`; its first static too when `includeFirst`. */
  htmlBody(block: Block, includeFirst: boolean): void {
    const o = this.out;
    const outer = this.shared;
    this.shared = this.shareValues(block);
    if (includeFirst && block.statics[0]) o.text(`$o += ${JSON.stringify(block.statics[0])};\n`);
    block.slots.forEach((slot, i) => {
      slotKind(slot).html(slot, this);
      const next = block.statics[i + 1]!;
      if (next) o.text(`$o += ${JSON.stringify(next)};\n`);
    });
    this.shared = outer;
  }

  /**
   * The local holding the value of `expr` when several slots of the HTML body being written read
   * it: `<name>` is the value, `<name>Text` its escaped text when it is a string (else null).
   */
  sharedValue(expr: AST.Expression): string | undefined {
    return this.shared.get(expr);
  }

  /**
   * A value that several text or plain-attribute slots of one block read with the same
   * expression (`<h2>{item.title}</h2><img alt={item.title}>`) is read and escaped once, before
   * the block's HTML: escaping is most of an HTML render's time. Only property reads are
   * shared, and within one block, whose slots all render whenever it does. Reading a value once
   * where it is written twice follows the template model: a slot's expression is a function of
   * the assigns and loop variables, which the tree renderer already evaluates only when they
   * changed, so how often an expression runs is never part of a template's meaning.
   */
  private shareValues(block: Block): Map<AST.Expression, string> {
    const byCode = new Map<string, AST.Expression[]>();
    for (const slot of block.slots) {
      const expr = shareableValue(slot, this.analysis);
      if (expr === null) continue;
      const list = byCode.get(expr.code);
      if (list) list.push(expr);
      else byCode.set(expr.code, [expr]);
    }
    const shared = new Map<AST.Expression, string>();
    for (const list of byCode.values()) {
      if (list.length < 2) continue;
      const name = `$same${this.options.prefix ?? ""}${this.sharedCount++}`;
      this.out.text(`const ${name} = `);
      this.expr(list[0]!);
      this.out.text(`;\nconst ${name}Text = ${this.helpers.use("escapedText")}(${name});\n`);
      for (const expr of list) shared.set(expr, name);
    }
    return shared;
  }

  /** HTML of a nested block: its literal when static, else a call of its function. */
  branchHtml(block: Block): string {
    return block.slots.length === 0 ? JSON.stringify(block.statics[0]) : this.htmlCall(block);
  }
}

/** A property read (`item.title`, `@user.name`, `label`): what `shareValues` may read once for several slots. */
const PROPERTY_READ = /^@?[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*$/;

/** The expression of a text slot or of a plain attribute (no URL, handler or binding rule) that is a property read, else null. */
function shareableValue(slot: Slot, analysis: Analysis): AST.Expression | null {
  if (slot.kind === "text" && !analysis.slotRenders.has(slot.expr)) return PROPERTY_READ.test(slot.expr.code.trim()) ? slot.expr : null;
  if (slot.kind === "attribute" && slot.rule === null) return PROPERTY_READ.test(slot.expr.code.trim()) ? slot.expr : null;
  return null;
}

function builtinAlias(name: string): string {
  return `$builtin_${name}`;
}

/** The import of the built-in components `names` under their generated names ("" for none). */
export function builtinImportLine(names: ReadonlySet<string>): string {
  if (names.size === 0) return "";
  const list = [...names].sort().map((name) => `${name} as ${builtinAlias(name)}`).join(", ");
  return `import { ${list} } from "livehtml/components";\n`;
}

/** All names bound by template scopes visible from `scope`, outermost first. */
export function scopeNames(scope: TemplateScope | null): string[] {
  const chain: TemplateScope[] = [];
  for (let s = scope; s; s = s.parent) chain.unshift(s);
  const names: string[] = [];
  for (const s of chain) for (const name of s.names) if (!names.includes(name)) names.push(name);
  return names;
}

/** From this many slots on, a node answers tracked renders sparsely (see `sparseSlots`). */
const SPARSE_MIN_SLOTS = 32;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function member(name: string): string {
  return IDENTIFIER.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}
