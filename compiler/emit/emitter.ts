// Emits the two renderers of a lowered template:
//
// - the tree renderer: `$node(statics, fingerprint, root, dynamic, html)` per block, whose
//   `dynamic(track)` computes a slot only when `track` is off or one of the slot's
//   dependencies changed (`$t || <checks>`), and leaves it `null` otherwise;
// - the HTML renderer: one function per block that concatenates statics and escaped values
//   directly, never building the tree (the first, HTTP render).
//
// Generated names start with `$` so that they cannot collide with assigns (`assigns.x`) and
// rarely with user code. `$c` is the template's change map, `$t` "render every slot" in the
// current node, `$v<depth>`/`$vars<depth>` a loop entry's changed variables and its values.

import type * as AST from "../parse/ast.ts";
import type { Analysis, Dependencies, TemplateScope } from "../analyze/types.ts";
import type {
  AttributePieceSlot,
  AttributeSlot,
  AttributeValueSlot,
  Block,
  ComponentCall,
  ForSlot,
  Slot,
  SlotEntry,
  SpreadSlot,
  TextSlot,
} from "../lower/ir.ts";
import { HelperRegistry } from "./helpers.ts";
import { CodeWriter } from "./writer.ts";

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
  /** Hoisted slot indexes of large nodes by name (see `sparseSlots`); a node may be emitted twice. */
  private sparseIndexes = new Map<string, string>();

  constructor(
    private readonly out: CodeWriter,
    private readonly analysis: Analysis,
    private readonly options: EmitOptions,
  ) {}

  private expr(e: AST.Expression): void {
    const info = this.analysis.expressions.get(e);
    this.out.expression(e.start, e.end, info?.assignRefs ?? []);
  }

  /** Raw source text, mapped (binding patterns: they contain no `@`). */
  private pattern(e: AST.Expression): void {
    this.out.expression(e.start, e.end, []);
  }

  /** The local name of a built-in component, recording that the module imports it. */
  private builtin(name: string): string {
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
  private guard(deps: Dependencies): string {
    const checks = this.changeChecks(deps);
    return checks === "true" ? "true" : checks === "false" ? "$t" : `$t || ${checks}`;
  }

  /** Whether any dependency changed, assuming `$c` is not null; "true" / "false" when fixed. */
  private changeChecks(deps: Dependencies): string {
    if (deps.always) return "true";
    const parts: string[] = [];
    for (const path of deps.assigns) {
      parts.push(path.length === 1 ? `$c${member(path[0]!)} !== undefined` : `${this.helpers.use("pathChanged")}($c, assigns, ${this.pathConstant(path)})`);
    }
    for (const read of deps.vars) {
      if (read.scope.kind === "let") return "true";
      const d = read.scope.depth;
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

  private slotValues(slots: readonly Slot[]): void {
    for (const slot of slots) {
      this.slotValue(slot);
      this.out.text(",\n");
    }
  }

  private slotValue(slot: Slot): void {
    const o = this.out;
    o.text(`(${this.guard(slot.deps)}) ? `);
    switch (slot.kind) {
      case "text":
      case "attribute":
      case "attribute-value":
      case "spread":
      case "attribute-piece":
        this.valueCall(slot, "tree");
        break;
      case "if":
        o.text("(");
        for (const branch of slot.branches) {
          if (branch.condition) {
            o.text("(");
            this.expr(branch.condition);
            o.text(") ? ");
            this.node(branch.block);
            o.text(" : ");
          } else {
            this.node(branch.block);
            o.text(")");
            break;
          }
        }
        if (slot.branches[slot.branches.length - 1]!.condition) o.text(`"")`);
        break;
      case "for":
        this.comprehension(slot);
        break;
      case "component":
        this.componentCall(slot.call, "tree");
        break;
    }
    o.text(" : null");
  }

  /** `helper(expr)` for a slot holding one value: the same call in both renderers but text. */
  private valueCall(slot: TextSlot | AttributeSlot | AttributeValueSlot | SpreadSlot | AttributePieceSlot, mode: "tree" | "html"): void {
    const o = this.out;
    switch (slot.kind) {
      case "text":
        // The tree keeps nested templates as nodes; the HTML renderer needs their HTML.
        o.text(`${this.helpers.use(mode === "tree" ? "dyn" : "htmlOf")}(`);
        break;
      case "attribute": {
        // The attribute's rule is known from its name: only URL, handler and binding slots pay for a check.
        const name = JSON.stringify(slot.name);
        const rule = slot.rule;
        if (rule === null) o.text(`${this.helpers.use("attr")}(${name}, `);
        else if (rule.kind === "url") o.text(`${this.helpers.use("urlAttr")}(${name}, `);
        else if (rule.kind === "raw-only") o.text(`${this.helpers.use("rawOnlyAttr")}(${name}, `);
        else o.text(`${this.helpers.use("bindingAttr")}(${name}, `);
        this.expr(slot.expr);
        o.text(rule?.kind === "url" ? `, ${JSON.stringify(rule.url)})` : ")");
        return;
      }
      case "attribute-value":
        o.text(`${this.helpers.use(slot.name === "class" ? "classValue" : "styleValue")}(`);
        break;
      case "spread":
        this.out.text(`${this.helpers.use("spreadAttrs")}(`);
        this.expr(slot.expr);
        o.text(`, ${JSON.stringify(slot.tag)})`);
        return;
      case "attribute-piece":
        o.text(`${this.helpers.use("attributePiece")}(`);
        break;
    }
    this.expr(slot.expr);
    o.text(")");
  }

  private comprehension(slot: ForSlot): void {
    const { loop, body } = slot;
    const o = this.out;
    const d = loop.scope.depth;
    o.text(`${this.helpers.use("comprehension")}(${this.staticsName(body)}, ${body.fingerprint}, ${loop.key !== null}, ${this.guard(slot.outerDeps)}, `);
    this.expr(loop.iterable);
    // How the diff engine finds an entry's key without building it (see ComprehensionSource).
    if (loop.filter) o.text(", null");
    else if (!loop.key) o.text(', "position"');
    else {
      o.text(", (");
      this.pattern(loop.pattern);
      o.text(", ");
      if (loop.index) this.pattern(loop.index);
      else o.text(`$i${d}`);
      o.text(") => ");
      this.expr(loop.key);
    }
    o.text(", (");
    this.pattern(loop.pattern);
    o.text(", ");
    if (loop.index) this.pattern(loop.index);
    else o.text(`$i${d}`);
    o.text(`, $p${d}) => {\nconst $vars${d} = { ${[...loop.scope.names].join(", ")} };\n`);
    if (loop.filter) {
      o.text("if (!(");
      this.expr(loop.filter);
      o.text(")) return null;\n");
    }
    o.text("return { key: ");
    if (loop.key) this.expr(loop.key);
    else o.text(`$p${d}`);
    o.text(`, vars: $vars${d}, render: ($v${d}: Record<string, unknown> | null, track: boolean) => {\n`);
    o.text(`const $t = !track || $c === null;\nreturn [\n`);
    this.slotValues(body.slots);
    o.text(`];\n} };\n})`);
  }

  /**
   * A function component call. Tree: `$component("card", card($props({ …attributes, slots }, changed)))`.
   * HTML: `$componentHtml("card", card, { … })`, which calls a compiled component's HTML renderer
   * directly. The props literal stays a fresh object literal, so TypeScript checks it against the
   * component's assigns (unknown and missing attributes are type errors in `livehtml check`).
   */
  private componentCall(call: ComponentCall, mode: "tree" | "html"): void {
    const o = this.out;
    const name = JSON.stringify(call.callee);
    // Both renderers pass the props through `$props`, so TypeScript reports a wrong attribute
    // once (the two reports share position and message, and `livehtml check` merges them).
    const callee = call.builtin ? this.builtin(call.callee) : call.callee;
    if (mode === "tree") o.text(`${this.helpers.use("component")}(${name}, ${callee}(${this.helpers.use("props")}({ `);
    else o.text(`${this.helpers.use("componentHtml")}(${name}, ${callee}, ${this.helpers.use("propsHtml")}({ `);
    // Spreads first, then explicit attributes on top, whatever their order (HEEx's rule).
    for (const spread of call.spreads) {
      o.text("...");
      this.expr(spread);
      o.text(", ");
    }
    this.attributeProps(call.attributes);
    for (const [slotName, entries] of call.slots) {
      o.text(`${propertyName(slotName)}: [`);
      for (const entry of entries) this.slotEntry(slotName, entry, mode);
      o.text("], ");
    }
    if (mode === "html") {
      o.text("}))");
      return;
    }
    o.text("}, ");
    if (call.spreads.length > 0) {
      // A spread can carry anything: the component renders in full (as LiveView does).
      o.text("null");
    } else {
      // Per attribute and slot: did anything it reads change? (PROTOCOL.md §3.4)
      const pairs: string[] = [];
      for (const attribute of call.attributes) {
        if (attribute.value.kind !== "expression") continue; // literals never change
        const deps = this.analysis.expressions.get(attribute.value.expr)?.deps;
        pairs.push(`${JSON.stringify(attribute.name)}, (${deps ? this.changeChecks(deps) : "false"})`);
      }
      for (const [slotName, entries] of call.slots) {
        pairs.push(`${JSON.stringify(slotName)}, (${entries.map((e) => this.changeChecks(e.deps)).join(" || ")})`);
      }
      o.text(`$t ? null : ${this.helpers.use("flags")}(${pairs.join(", ")})`);
    }
    o.text(")))");
  }

  private attributeProps(attributes: SlotEntry["attributes"]): void {
    const o = this.out;
    for (const attribute of attributes) {
      const name = propertyName(attribute.name);
      // Literal values are mapped to the attribute, so a type error in them points at it.
      if (attribute.value.kind === "bare") o.mapped(`${name}: true`, attribute.start);
      else if (attribute.value.kind === "static") o.mapped(`${name}: ${JSON.stringify(attribute.value.text)}`, attribute.start);
      else {
        o.mapped(`${name}: `, attribute.start);
        o.text("(");
        this.expr(attribute.value.expr);
        o.text(")");
      }
      o.text(", ");
    }
  }


  private slotEntry(name: string, entry: SlotEntry, mode: "tree" | "html"): void {
    const o = this.out;
    const emitEntry = () => {
      o.text(`{ __slot__: ${JSON.stringify(name)}, `);
      this.attributeProps(entry.attributes);
      o.text("inner_block: ");
      if (!entry.body) o.text("null");
      else {
        o.text("(");
        if (entry.let) {
          this.pattern(entry.let);
          o.text(": any /* the slot argument's type is the component's to declare */");
        }
        o.text(") => ");
        if (mode === "tree") this.node(entry.body);
        // First paint: the body's HTML, as trusted markup (nothing else will ask it for a tree).
        else o.text(`${this.helpers.use("raw")}(${this.htmlCall(entry.body)})`);
      }
      o.text(" }");
    };
    if (entry.loop) {
      const loop = entry.loop;
      o.text(`...Array.from(${this.helpers.use("iterate")}(`);
      this.expr(loop.iterable);
      o.text(")).flatMap((");
      this.pattern(loop.pattern);
      if (loop.index) {
        o.text(", ");
        this.pattern(loop.index);
      }
      o.text(") => ");
      if (loop.filter) {
        o.text("!(");
        this.expr(loop.filter);
        o.text(") ? [] : ");
      }
      o.text("[");
      emitEntry();
      o.text("]), ");
    } else if (entry.condition) {
      o.text("...((");
      this.expr(entry.condition);
      o.text(") ? [");
      emitEntry();
      o.text("] : []), ");
    } else {
      emitEntry();
      o.text(", ");
    }
  }

  // ---------------------------------------------------------------- HTML renderer

  /** A call of the block's HTML function with the template variables in scope. */
  private htmlCall(block: Block): string {
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
  private htmlBody(block: Block, includeFirst: boolean): void {
    const o = this.out;
    if (includeFirst && block.statics[0]) o.text(`$o += ${JSON.stringify(block.statics[0])};\n`);
    block.slots.forEach((slot, i) => {
      this.slotHtml(slot);
      const next = block.statics[i + 1]!;
      if (next) o.text(`$o += ${JSON.stringify(next)};\n`);
    });
  }

  private slotHtml(slot: Slot): void {
    const o = this.out;
    switch (slot.kind) {
      case "text":
      case "attribute":
      case "attribute-value":
      case "spread":
      case "attribute-piece":
        o.text("$o += ");
        this.valueCall(slot, "html");
        o.text(";\n");
        return;
      case "if":
        slot.branches.forEach((branch, i) => {
          if (branch.condition) {
            o.text(i === 0 ? "if (" : "else if (");
            this.expr(branch.condition);
            o.text(") ");
          } else {
            o.text("else ");
          }
          o.text(`$o += ${this.branchHtml(branch.block)};\n`);
        });
        return;
      case "for": {
        const { loop, body } = slot;
        const d = loop.scope.depth;
        o.text(loop.index ? `{ let $n${d} = 0;\nfor (const ` : "{\nfor (const ");
        this.pattern(loop.pattern);
        o.text(` of ${this.helpers.use("iterate")}(`);
        this.expr(loop.iterable);
        o.text(")) {\n");
        if (loop.index) {
          o.text("const ");
          this.pattern(loop.index);
          o.text(` = $n${d}++;\n`);
        }
        if (loop.filter) {
          o.text("if (!(");
          this.expr(loop.filter);
          o.text(")) continue;\n");
        }
        // The body is inlined: entries have no HTML renderer of their own to share it with.
        this.htmlBody(body, true);
        o.text("} }\n");
        return;
      }
      case "component":
        o.text("$o += ");
        this.componentCall(slot.call, "html");
        o.text(";\n");
        return;
    }
  }

  /** HTML of a nested block: its literal when static, else a call of its function. */
  private branchHtml(block: Block): string {
    return block.slots.length === 0 ? JSON.stringify(block.statics[0]) : this.htmlCall(block);
  }
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

function propertyName(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}
