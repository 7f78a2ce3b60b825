// lower(ast, analysis): the lowering phase. Lowers the AST into blocks of statics and slots (ir.ts), following HEEx's rules for what is
// static: literal text and static attributes (verbatim, as written) join the statics, and each
// expression, branch, loop and component call becomes one slot.

import type * as AST from "../parse/ast.ts";
import type { Analysis, Dependencies, TemplateScope } from "../analyze/types.ts";
import { mergeDependencies } from "../analyze/index.ts";
import { isBlankText } from "../utils/html.ts";
import { fingerprint } from "./fingerprint.ts";
import { slotKind } from "../slots/index.ts";
import { escapeHTML } from "../../runtime/shared/escape.ts";
import { attributeRule } from "../../runtime/shared/attributes.ts";
import type { AttributeValue, Block, ComponentAttribute, ComponentCall, Loop, Slot, SlotEntry, SlotInput } from "./ir.ts";

/** Attributes that steer the compiler and are not rendered. */
const COMPILER_ONLY_ATTRIBUTES = new Set(["phx-no-curly-interpolation", "phx-no-format"]);

const NO_DEPS: Dependencies = { always: false, assigns: [], vars: [] };

export interface Lowered {
  root: Block;
  /** Every block, indexed by `id` (children before parents is not guaranteed). */
  blocks: Block[];
  /** Ids of the blocks that are loop bodies (comprehension entries). */
  loopBodies: Set<number>;
}

export function lower(template: AST.Template, analysis: Analysis): Lowered {
  const blocks: Block[] = [];

  class BlockBuilder {
    statics: string[] = [""];
    slots: Slot[] = [];
    constructor(readonly scope: TemplateScope | null) {}
    text(s: string): void {
      this.statics[this.statics.length - 1] += s;
    }
    slot(input: SlotInput): void {
      const slot = { ...input, index: this.slots.length } as Slot;
      this.slots.push(slot);
      this.statics.push("");
    }
    finish(root: boolean): Block {
      const shape = [...this.statics];
      // IMPORTANT: a node's fingerprint covers the fingerprints of the nodes its slots produce (as
      // Phoenix's covers their code). A tracked render leaves an unchanged slot `null`, meaning "keep
      // what you have"; that is only right if equal fingerprints promise equal children. Two branches
      // that differ only inside a loop body would otherwise share a fingerprint, and a switch between
      // them would keep the old body (the round-trip test finds exactly this case).
      for (const slot of this.slots) shape.push(slotKind(slot).signature(slot));
      const block: Block = {
        id: blocks.length,
        statics: this.statics,
        slots: this.slots,
        root,
        fingerprint: fingerprint(shape),
        scope: this.scope,
      };
      blocks.push(block);
      return block;
    }
  }

  function deps(expr: AST.Expression): Dependencies {
    return analysis.expressions.get(expr)?.deps ?? NO_DEPS;
  }

  /** Dependencies as seen from `scope`: reads of variables bound deeper inside are dropped. */
  function lift(list: Dependencies[], scope: TemplateScope | null): Dependencies {
    const merged = mergeDependencies(list);
    merged.vars = merged.vars.filter((v) => isVisible(v.scope, scope));
    return merged;
  }

  function blockDeps(block: Block, scope: TemplateScope | null): Dependencies {
    return lift(
      block.slots.map((s) => s.deps),
      scope,
    );
  }

  /** A block for a list of nodes (a template, a branch, a slot body). */
  function blockOf(children: readonly AST.Node[], scope: TemplateScope | null): Block {
    const b = new BlockBuilder(scope);
    lowerChildren(children, b, false);
    return b.finish(isSingleRootTag(children));
  }

  function lowerChildren(children: readonly AST.Node[], b: BlockBuilder, noCurly: boolean): void {
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (isElementLike(child) && child.directives.if?.kind === "if" && !child.directives.for) {
        // An `:if` chain: this element, then siblings with `:else-if` / `:else` (whitespace between is dropped).
        const chain: AST.ElementLikeNode[] = [child];
        let j = i + 1;
        for (;;) {
          let k = j;
          while (k < children.length && isBlank(children[k]!)) k++;
          const next = children[k];
          if (next && isElementLike(next) && (next.directives.if?.kind === "else-if" || next.directives.else)) {
            chain.push(next);
            j = k + 1;
            if (next.directives.else) break;
          } else break;
        }
        lowerIfChain(chain, b);
        i = j - 1;
        continue;
      }
      lowerNode(child, b, noCurly);
    }
  }

  function lowerIfChain(chain: AST.ElementLikeNode[], b: BlockBuilder): void {
    const branches = chain.map((node) => {
      const branch = new BlockBuilder(b.scope);
      lowerElementLike(node, branch);
      return {
        condition: node.directives.if?.expression ?? null,
        block: branch.finish(node.type === "Element"),
      };
    });
    const list = branches.flatMap((br) => [...(br.condition ? [deps(br.condition)] : []), blockDeps(br.block, b.scope)]);
    const first = chain[0]!;
    b.slot({ kind: "if", branches, deps: lift(list, b.scope), start: first.start, end: chain[chain.length - 1]!.end });
  }

  function lowerNode(node: AST.Node, b: BlockBuilder, noCurly: boolean): void {
    switch (node.type) {
      case "Text":
        b.text(node.data);
        return;
      case "Doctype":
        b.text(node.data);
        return;
      case "Comment":
        b.text("<!--");
        for (const part of node.parts) {
          if (part.type === "Text") b.text(part.data);
          else b.slot({ kind: "text", expr: part.expression, deps: deps(part.expression), start: part.start, end: part.end });
        }
        b.text("-->");
        return;
      case "ExpressionTag":
        b.slot({ kind: "text", expr: node.expression, deps: deps(node.expression), start: node.start, end: node.end });
        return;
      case "EexBlock":
        if (node.kind === "if") {
          const branches = node.clauses.map((clause) => ({
            condition: clause.condition,
            block: blockOf(clause.children, b.scope),
          }));
          const list = branches.flatMap((br) => [...(br.condition ? [deps(br.condition)] : []), blockDeps(br.block, b.scope)]);
          b.slot({ kind: "if", branches, deps: lift(list, b.scope), start: node.start, end: node.end });
        } else {
          const scope = analysis.scopes.get(node)!;
          const loop: Loop = { pattern: node.pattern, index: node.index, iterable: node.iterable, key: null, filter: null, scope };
          const body = blockOf(node.children, scope);
          const outerDeps = blockDeps(body, b.scope);
          b.slot({ kind: "for", loop, body, outerDeps, deps: lift([deps(node.iterable), outerDeps], b.scope), start: node.start, end: node.end });
        }
        return;
      case "Element":
      case "Component":
      case "Slot":
        if (node.directives.for) return lowerLoop(node, b);
        if (node.directives.if) {
          // `:if` without a chain (an `:else` sibling is handled by lowerChildren).
          return lowerIfChain([node], b);
        }
        if (node.directives.else) return; // reported by the parser: no preceding :if
        lowerElementLike(node, b, noCurly);
        return;
    }
  }

  function lowerLoop(node: AST.ElementLikeNode, b: BlockBuilder): void {
    const d = node.directives;
    const scope = analysis.scopes.get(node)!;
    const loop: Loop = {
      pattern: d.for!.pattern,
      index: d.for!.index,
      iterable: d.for!.iterable,
      key: d.key?.expression ?? null,
      filter: d.if?.expression ?? null,
      scope,
    };
    const body = new BlockBuilder(scope);
    lowerElementLike(node, body);
    const bodyBlock = body.finish(false);
    const outer = [blockDeps(bodyBlock, b.scope), ...(loop.filter ? [deps(loop.filter)] : []), ...(loop.key ? [deps(loop.key)] : [])];
    const outerDeps = lift(outer, b.scope);
    b.slot({ kind: "for", loop, body: bodyBlock, outerDeps, deps: lift([deps(loop.iterable), outerDeps], b.scope), start: node.start, end: node.end });
  }

  /** The element itself, without its `:for` / `:if` (already handled by the caller). */
  function lowerElementLike(node: AST.ElementLikeNode, b: BlockBuilder, noCurly = false): void {
    if (node.type === "Component") return lowerComponent(node, b);
    if (node.type === "Slot") return; // a slot outside a component: reported by the parser
    b.text(`<${node.name}`);
    for (const attribute of node.attributes) {
      switch (attribute.type) {
        case "StaticAttribute":
          if (COMPILER_ONLY_ATTRIBUTES.has(attribute.name)) break;
          b.text(attribute.value === null ? ` ${attribute.name}` : ` ${attribute.name}=${attribute.quote}${attribute.value}${attribute.quote}`);
          break;
        case "ExpressionAttribute": {
          const pieces = analysis.attributePieces.get(attribute);
          if (pieces) {
            // Literal text is escaped now, into the statics; only substitutions stay dynamic.
            b.text(` ${attribute.name}="`);
            for (const piece of pieces) {
              if (typeof piece === "string") b.text(escapeHTML(piece));
              else b.slot({ kind: "attribute-piece", expr: piece, deps: deps(piece), start: piece.start, end: piece.end });
            }
            b.text(`"`);
            break;
          }
          const common = { expr: attribute.expression, deps: deps(attribute.expression), start: attribute.start, end: attribute.end };
          if (attribute.name === "class" || attribute.name === "style") {
            b.text(` ${attribute.name}="`);
            b.slot({ kind: "attribute-value", name: attribute.name, ...common });
            b.text(`"`);
          } else {
            b.slot({ kind: "attribute", name: attribute.name, rule: attributeRule(node.name.toLowerCase(), attribute.name), ...common });
          }
          break;
        }
        case "SpreadAttribute":
          b.slot({ kind: "spread", tag: node.name.toLowerCase(), expr: attribute.expression, deps: deps(attribute.expression), start: attribute.start, end: attribute.end });
          break;
      }
    }
    b.text(">");
    if (node.void) return;
    lowerChildren(node.children, b, noCurly || node.noCurly);
    b.text(`</${node.name}>`);
  }

  function lowerComponent(node: AST.Component, b: BlockBuilder): void {
    const call: ComponentCall = {
      node,
      callee: node.namespace ? `${node.namespace.join(".")}.${node.functionName}` : node.functionName,
      builtin: analysis.builtinCalls.has(node),
      attributes: [],
      spreads: [],
      slots: new Map(),
    };
    const list: Dependencies[] = [];
    readAttributes(node, call.attributes, call.spreads, list);

    const letScope = analysis.letScopes.get(node) ?? null;
    const inner: AST.Node[] = [];
    for (const child of node.children) {
      if (child.type === "Slot") {
        const entry = lowerSlotEntry(child, b.scope);
        list.push(entry.deps);
        const entries = call.slots.get(child.slotName) ?? [];
        entries.push(entry);
        call.slots.set(child.slotName, entries);
      } else {
        inner.push(child);
      }
    }
    const innerContent = trimBlank(inner);
    if (innerContent.length > 0) {
      const body = blockOf(innerContent, letScope ?? b.scope);
      const entryDeps = blockDeps(body, b.scope);
      list.push(entryDeps);
      call.slots.set("inner_block", [
        { attributes: [], body, let: node.directives.let?.pattern ?? null, loop: null, condition: null, deps: entryDeps },
        ...(call.slots.get("inner_block") ?? []),
      ]);
    }
    b.slot({ kind: "component", call, deps: lift(list, b.scope), start: node.start, end: node.end });
  }

  function lowerSlotEntry(node: AST.Slot, scope: TemplateScope | null): SlotEntry {
    const d = node.directives;
    const list: Dependencies[] = [];
    let loop: Loop | null = null;
    let inner = scope;
    if (d.for) {
      inner = analysis.scopes.get(node)!;
      loop = { pattern: d.for.pattern, index: d.for.index, iterable: d.for.iterable, key: null, filter: d.if?.expression ?? null, scope: inner };
      list.push(deps(d.for.iterable));
    }
    const condition = !d.for && d.if ? d.if.expression : null;
    if (d.if) list.push(deps(d.if.expression));
    const attributes: SlotEntry["attributes"] = [];
    readAttributes(node, attributes, null, list);
    const content = trimBlank(node.children);
    const letScope = analysis.letScopes.get(node) ?? null;
    const body = content.length > 0 ? blockOf(content, letScope ?? inner) : null;
    if (body) list.push(blockDeps(body, inner));
    return { attributes, body, let: d.let?.pattern ?? null, loop, condition, deps: lift(list, scope) };
  }

  function readAttributes(
    node: AST.ElementLikeNode,
    into: ComponentAttribute[],
    spreads: AST.Expression[] | null,
    list: Dependencies[],
  ): void {
    for (const attribute of node.attributes) {
      if (attribute.type === "StaticAttribute") {
        const value: AttributeValue = attribute.value === null ? { kind: "bare" } : { kind: "static", text: attribute.value };
        into.push({ name: attribute.name, value, start: attribute.start });
      } else if (attribute.type === "ExpressionAttribute") {
        into.push({ name: attribute.name, value: { kind: "expression", expr: attribute.expression }, start: attribute.start });
        list.push(deps(attribute.expression));
      } else if (spreads) {
        spreads.push(attribute.expression);
        list.push(deps(attribute.expression));
      }
    }
  }

  const root = blockOf(template.children, null);
  const loopBodies = new Set<number>();
  for (const block of blocks) for (const slot of block.slots) if (slot.kind === "for") loopBodies.add(slot.body.id);
  return { root, blocks, loopBodies };
}

function isElementLike(node: AST.Node): node is AST.ElementLikeNode {
  return node.type === "Element" || node.type === "Component" || node.type === "Slot";
}

function isBlank(node: AST.Node): boolean {
  return node.type === "Text" && isBlankText(node.data);
}

function trimBlank(nodes: readonly AST.Node[]): AST.Node[] {
  let start = 0;
  let end = nodes.length;
  while (start < end && isBlank(nodes[start]!)) start++;
  while (end > start && isBlank(nodes[end - 1]!)) end--;
  return nodes.slice(start, end);
}

/** One element, no `:if`/`:for`, nothing around it: the client may treat it as the node's root. */
function isSingleRootTag(children: readonly AST.Node[]): boolean {
  if (children.length !== 1) return false;
  const only = children[0]!;
  return only.type === "Element" && !only.directives.if && !only.directives.for && !only.directives.else;
}

function isVisible(scope: TemplateScope, from: TemplateScope | null): boolean {
  for (let s = from; s; s = s.parent) if (s === scope) return true;
  return false;
}
