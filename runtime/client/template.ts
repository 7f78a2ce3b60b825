// Statics → a parsed <template> plus where each slot sits in it.
//
// WHY: a node's statics are the same for every render of its template, so the work of
// finding slot positions is done once per distinct statics array and reused for every
// instance (1,000 rows of one comprehension share one compiled template). Each slot gets a
// marker, the browser parses the HTML once, and a walk records a child-index path to each
// marker it finds where a part can hold the slot: a comment between tags (valid even where
// text is not, as in a <table>) becomes an empty Text node that holds the slot's place
// without adding anything to the page's HTML; a marker that is an attribute's name stands for
// a list of attributes; one in an attribute's value, or in a raw text element's text, for a
// piece of that value or text. Our own scan only tells slots between tags (which need the
// comment) and tag names from the others. A tag's name, or a marker found nowhere a part can
// hold it (in a comment), makes its slot "inline": an instance writes the slot's value into
// the statics and compiles that (see buildInstance), so a change of it rebuilds the
// instance's DOM, which is correct, only not in proportion.

import { binding } from "./dom.ts";
import { noteCommands } from "./js.ts";

export type PartSpec =
  | { kind: "child"; path: number[]; slot: number }
  | { kind: "attrs"; path: number[]; slot: number }
  /** An attribute's value (`name`), or a raw text element's text: statics around slots. */
  | { kind: "attr" | "content"; path: number[]; name: string; strings: string[]; slots: number[] };

export interface Template {
  /** Null when a tag's name is a slot (the template is compiled with its inline slots' values). */
  element: HTMLTemplateElement | null;
  /** In document order (for `locate`). */
  parts: PartSpec[];
  /** Part index of each slot (-1 for an inline one). */
  slotPart: number[];
  /** Slots no part can hold, when compiled without their values; null when there are none. */
  inline: number[] | null;
  /** Statics mention bindings that act on mount/removal (hooks, phx-mounted, phx-remove). */
  lifecycle: boolean;
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

type SlotContext = "text" | "name" | "tag" | '"' | "'" | "comment" | "raw";

const TAG = /<(\/?)([a-zA-Z][^\s/>]*)?/y;

/**
 * Where each slot stands: between tags (`text`), as a tag's name (`name`: right after `<` or
 * `</`), in a tag outside quotes (`tag`), in a quoted value (`"`, `'`), a comment or a raw
 * text element. A marker the parser then puts where no part can hold it is not found, and
 * its slot is inline (see build): slower, still correct.
 */
export function slotContexts(statics: readonly string[]): SlotContext[] {
  const out: SlotContext[] = [];
  let state: SlotContext = "text";
  // The tag being read, then the raw text element being read; "" when closing.
  let tag = "";
  for (let s = 0; s < statics.length; s++) {
    const str = statics[s]!;
    for (let i = 0; i < str.length; i++) {
      const c = str[i];
      if (state === "text") {
        if (str.startsWith("<!--", i)) (state = "comment"), (i += 3);
        else if (c === "<" && /[a-zA-Z/]/.test(str[i + 1] ?? "")) {
          TAG.lastIndex = i;
          const m = TAG.exec(str)!;
          tag = m[1] ? "" : (m[2] ?? "").toLowerCase();
          state = "tag";
          i = TAG.lastIndex - 1;
        }
      } else if (state === "tag") {
        if (c === '"' || c === "'") state = c as '"';
        else if (c === ">") state = RAW_TEXT.has(tag) ? "raw" : "text";
      } else if (state === "comment") {
        if (str.startsWith("-->", i)) (state = "text"), (i += 2);
      } else if (state === "raw") {
        if (c === "<" && str.slice(i, i + 2 + tag.length).toLowerCase() === "</" + tag) (state = "tag"), (tag = "");
      } else if (c === state) state = "tag";
    }
    if (s === statics.length - 1) break;
    if ((state === "text" || state === "tag") && /<\/?$/.test(str)) {
      // The tag is named by the slot: what follows is inside that tag.
      out.push("name");
      state = "tag";
      tag = "";
    } else out.push(state);
  }
  return out;
}

/** The template of `statics`, or, given the values of its inline slots, the one with them written in. */
export function compileTemplate(statics: readonly string[], inline?: readonly string[]): Template {
  let template = inline ? undefined : byArray.get(statics);
  if (!template) {
    const key = statics.join(CLOSE) + (inline ? OPEN + inline.join(CLOSE) : "");
    template = cache.get(key) ?? build(statics, inline);
    cache.set(key, template);
    if (!inline) byArray.set(statics, template);
  }
  return template;
}

const LIFECYCLE = ["hook", "mounted", "remove"];
const MARKER = new RegExp(`^${OPEN}(\\d+)${CLOSE}$`);
const MARKERS = new RegExp(`${OPEN}(\\d+)${CLOSE}`, "g");

function build(statics: readonly string[], inline?: readonly string[]): Template {
  const all = statics.join("");
  const lifecycle = all.includes("data-phx-link") || LIFECYCLE.some((name) => all.includes(binding(name)));
  if (all.includes(binding("update"))) seen.phxUpdate = true;
  if (all.includes(binding("remove"))) seen.phxRemove = true;
  for (const s of statics) noteCommands(s);
  const contexts = slotContexts(statics);
  // A tag's name is markup no part can hold: the template is compiled with the names written in.
  const names = contexts.flatMap((context, slot) => (context === "name" ? [slot] : []));
  const inlined = inline ? compileTemplate(statics).inline! : [];
  const base = { slotPart: [], lifecycle, statics };
  if (names.length && !inline) return { ...base, element: null, parts: [], inline: names };
  let html = statics[0]!;
  contexts.forEach((context, slot) => {
    // Spaces around a marker in a tag make it an attribute's name (or an unquoted value).
    const marker = `${OPEN}${slot}${CLOSE}`;
    const at = inlined.indexOf(slot);
    html += (at >= 0 ? inline![at] : context === "text" ? `<!--${OPEN}${slot}-->` : context === "tag" ? ` ${marker} ` : marker) + statics[slot + 1];
  });
  const element = document.createElement("template");
  element.innerHTML = html;
  const parts: PartSpec[] = [];
  const slotPart: number[] = new Array(statics.length - 1).fill(-1);
  const add = (part: PartSpec, slots: number[]) => {
    for (const slot of slots) slotPart[slot] = parts.length;
    parts.push(part);
  };
  const walk = (parent: Node, path: number[]) => {
    let index = 0;
    for (let node = parent.firstChild; node; node = node.nextSibling, index++) {
      const here = [...path, index];
      if (node.nodeType === Node.COMMENT_NODE) {
        const m = /^\uE000(\d+)$/.exec((node as Comment).data);
        if (m) {
          const text = document.createTextNode("");
          parent.replaceChild(text, node);
          node = text;
          add({ kind: "child", path: here, slot: +m[1]! }, [+m[1]!]);
        }
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        const el = node as Element;
        const around = (kind: "attr" | "content", name: string, text: string) => {
          const pieces = text.split(MARKERS);
          const slots = pieces.filter((_, i) => i % 2).map(Number);
          add({ kind, path: here, name, strings: pieces.filter((_, i) => !(i % 2)), slots }, slots);
        };
        for (const { name, value } of Array.from(el.attributes)) {
          const m = MARKER.exec(name);
          if (m) {
            el.removeAttribute(name);
            add({ kind: "attrs", path: here, slot: +m[1]! }, [+m[1]!]);
          } else if (value.includes(OPEN)) around("attr", name, value);
        }
        if (!RAW_TEXT.has(el.localName)) walk(childrenOf(el), here);
        else if (el.textContent!.includes(OPEN)) {
          around("content", "", el.textContent!);
          el.textContent = "";
        }
      }
    }
  };
  walk(element.content, []);
  const missing = slotPart.flatMap((part, slot) => (part < 0 && !inlined.includes(slot) ? [slot] : []));
  return { ...base, element, parts, slotPart, inline: missing.length ? missing : null };
}

/** The children of `node` (a `<template>`'s are in its content). */
const childrenOf = (node: Node): Node => ((node as Element).localName === "template" ? (node as HTMLTemplateElement).content : node);

/** The node at the end of each part's child-index path from `root`. */
export function locate(root: Node, parts: readonly PartSpec[]): Node[] {
  return parts.map(({ path }) => {
    let node = root;
    for (const index of path) {
      node = childrenOf(node).firstChild!;
      for (let at = 0; at < index; at++) node = node.nextSibling!;
    }
    return node;
  });
}
