// Statics → a parsed <template> plus where each slot sits in it.
//
// WHY: a node's statics are the same for every render of its template, so the work of
// finding slot positions is done once per distinct statics array and reused for every
// instance (1,000 rows of one comprehension share one compiled template). We scan the
// statics with a small HTML tokenizer to learn each slot's context (text, attribute value,
// attribute list, raw text element), put a placeholder of that context's kind in the HTML,
// let the browser parse it once, and record a child-index path to each placeholder. A text
// slot's placeholder becomes an empty Text node: it holds the slot's place without adding
// anything to the page's HTML (no comments or marker attributes in the live DOM).
// A template whose slots sit where no placeholder can go (inside a tag name, an attribute
// name, a comment, part of a raw text element) is "opaque": its instances are re-rendered as
// HTML when they change, which is correct, only not in proportion.

import { binding } from "./dom.ts";
import { noteCommands } from "./js.ts";

export type PartSpec =
  | { kind: "child"; path: number[]; slot: number }
  | { kind: "attr"; path: number[]; name: string; strings: string[]; slots: number[] }
  | { kind: "attrs"; path: number[]; slot: number }
  | { kind: "content"; path: number[]; slot: number };

export interface Template {
  /** Null when opaque. */
  element: HTMLTemplateElement | null;
  parts: PartSpec[];
  /** Each part's path, in document order (for `locate`). */
  paths: number[][];
  /** Part index of each slot. */
  slotPart: number[];
  /** Statics mention bindings that act on mount/removal (hooks, phx-mounted, phx-remove). */
  lifecycle: boolean;
  /** `statics[0]`/last start/end a single element (lets a component find its root). */
  statics: readonly string[];
}

const OPEN = "\uE000";
const CLOSE = "\uE001";
const RAW_TEXT = new Set(["script", "style", "textarea", "title"]);
const cache = new Map<string, Template>();
/** The same lookups by array: every entry of a comprehension shares its statics array. */
const byArray = new WeakMap<readonly string[], Template>();

/**
 * Whether any template so far can produce `phx-update` (then writes check for an ignored
 * ancestor) or `phx-remove` (then removals check for it); pages without them pay nothing.
 */
export const seen = { phxUpdate: false, phxRemove: false };

type Context = "text" | "attrs" | "value" | "raw" | "bad";

/** The tokenizer state after each static but the last: which kind of slot follows it. */
export function slotContexts(statics: readonly string[]): Context[] {
  const contexts: Context[] = [];
  let state = "text";
  let tag = "";
  let closing = false;
  const endTag = () => {
    state = !closing && RAW_TEXT.has(tag) ? "raw" : "text";
  };
  for (let s = 0; s < statics.length; s++) {
    const str = statics[s]!;
    for (let i = 0; i < str.length; i++) {
      const c = str[i]!;
      switch (state) {
        case "text":
          if (c === "<") {
            if (str.startsWith("!--", i + 1)) { state = "comment"; i += 3; }
            else if (/[a-zA-Z/]/.test(str[i + 1] ?? "")) { state = "tagname"; tag = ""; closing = str[i + 1] === "/"; if (closing) i++; }
          }
          break;
        case "tagname":
          if (c === ">") endTag();
          else if (/\s/.test(c) || c === "/") state = "intag";
          else tag += c.toLowerCase();
          break;
        case "intag":
          if (c === ">") endTag();
          else if (!/[\s/]/.test(c)) state = "name";
          break;
        case "name":
          if (c === "=") state = "before";
          else if (c === ">") endTag();
          else if (/[\s/]/.test(c)) state = "intag";
          break;
        case "before":
          if (c === '"') state = "dq";
          else if (c === "'") state = "sq";
          else if (c === ">") endTag();
          else if (!/\s/.test(c)) state = "uq";
          break;
        case "dq": if (c === '"') state = "intag"; break;
        case "sq": if (c === "'") state = "intag"; break;
        case "uq":
          if (/\s/.test(c)) state = "intag";
          else if (c === ">") endTag();
          break;
        case "comment":
          if (str.startsWith("-->", i)) { state = "text"; i += 2; }
          break;
        case "raw":
          if (c === "<" && str.slice(i + 2, i + 2 + tag.length).toLowerCase() === tag && str[i + 1] === "/") {
            state = "tagname"; closing = true; tag = ""; i += 1;
          }
          break;
      }
    }
    if (s < statics.length - 1) {
      // After a complete tag or attribute name, a slot is a list of attributes (it starts
      // with a space: the compiler emits ` name="value"`).
      const attrs = state === "intag" || (state === "tagname" && tag !== "" && !closing) || state === "name";
      contexts.push(state === "text" ? "text" : attrs ? "attrs" : state === "dq" || state === "sq" ? "value" : state === "raw" ? "raw" : "bad");
    }
  }
  return contexts;
}

const marker = (slot: number) => `${OPEN}${slot}${CLOSE}`;
const markerPattern = new RegExp(`${OPEN}(\\d+)${CLOSE}`, "g");

export function compileTemplate(statics: readonly string[]): Template {
  let template = byArray.get(statics);
  if (template) return template;
  const key = statics.join(CLOSE);
  template = cache.get(key);
  if (!template) {
    template = build(statics);
    cache.set(key, template);
  }
  byArray.set(statics, template);
  return template;
}

const LIFECYCLE = ["hook", "mounted", "remove"];

function build(statics: readonly string[]): Template {
  const lifecycle = statics.some((s) => s.includes("data-phx-link") || LIFECYCLE.some((name) => s.includes(binding(name))));
  if (statics.some((s) => s.includes(binding("update")))) seen.phxUpdate = true;
  if (statics.some((s) => s.includes(binding("remove")))) seen.phxRemove = true;
  for (const s of statics) noteCommands(s);
  const contexts = slotContexts(statics);
  const opaque: Template = { element: null, parts: [], paths: [], slotPart: [], lifecycle: true, statics };
  if (contexts.includes("bad")) return opaque;
  let html = statics[0]!;
  contexts.forEach((context, slot) => {
    if (context === "text") html += `<!--${OPEN}${slot}-->`;
    else if (context === "attrs") html += ` lh${slot} `;
    else html += marker(slot);
    html += statics[slot + 1];
  });
  const element = document.createElement("template");
  element.innerHTML = html;
  const parts: PartSpec[] = [];
  const slotPart: number[] = new Array(contexts.length).fill(-1);
  const add = (part: PartSpec, slots: number[]) => {
    for (const slot of slots) slotPart[slot] = parts.length;
    parts.push(part);
  };
  const walk = (parent: Node, path: number[]) => {
    let index = 0;
    for (let node = parent.firstChild; node; node = node.nextSibling, index++) {
      const here = [...path, index];
      if (node.nodeType === Node.COMMENT_NODE) {
        const data = (node as Comment).data;
        if (data.startsWith(OPEN)) {
          const text = document.createTextNode("");
          parent.replaceChild(text, node);
          node = text;
          add({ kind: "child", path: here, slot: Number(data.slice(1)) }, [Number(data.slice(1))]);
        }
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        const el = node as Element;
        for (const attr of Array.from(el.attributes)) {
          const m = /^lh(\d+)$/.exec(attr.name);
          if (m) {
            el.removeAttribute(attr.name);
            add({ kind: "attrs", path: here, slot: Number(m[1]) }, [Number(m[1])]);
          } else if (attr.value.includes(OPEN)) {
            const pieces = attr.value.split(markerPattern);
            const strings = pieces.filter((_, i) => i % 2 === 0);
            const slots = pieces.filter((_, i) => i % 2 === 1).map(Number);
            add({ kind: "attr", path: here, name: attr.name, strings, slots }, slots);
          }
        }
        const tag = el.localName;
        if (RAW_TEXT.has(tag)) {
          const text = el.textContent ?? "";
          const m = new RegExp(`^${OPEN}(\\d+)${CLOSE}$`).exec(text);
          if (m) {
            el.textContent = "";
            add({ kind: "content", path: here, slot: Number(m[1]) }, [Number(m[1])]);
          }
        } else {
          walk(tag === "template" ? (el as HTMLTemplateElement).content : el, here);
        }
      }
    }
  };
  walk(element.content, []);
  // Every slot must have been found where the tokenizer said it would be.
  if (slotPart.includes(-1)) return opaque;
  return { element, parts, paths: parts.map((part) => part.path), slotPart, lifecycle, statics };
}

/** The children of `node` (a `<template>`'s are in its content). */
const childrenOf = (node: Node): Node =>
  node.nodeType === Node.ELEMENT_NODE && (node as Element).localName === "template" ? (node as HTMLTemplateElement).content : node;

/** The node at the end of each child-index path from `root`. */
export function locate(root: Node, paths: ReadonlyArray<readonly number[]>): Node[] {
  return paths.map((path) => {
    let node = root;
    for (const index of path) {
      node = childrenOf(node).firstChild!;
      for (let at = 0; at < index; at++) node = node.nextSibling!;
    }
    return node;
  });
}
