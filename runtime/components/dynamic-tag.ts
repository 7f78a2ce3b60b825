// <.dynamicTag tagName="h2" class="x">…</.dynamicTag>: an element whose tag name is a value.
// Written by hand, since a template's tag names are static: one node of four slots (the name
// twice, the rest attributes, the body), or two for an element without a body (`<input … />`).
// A tag name that is not plain letters, digits and dashes is refused, never escaped.
import { changedOf, declared, dyn, htmlOf, node, renderSlot, spreadAttrs, type SlotEntry } from "livehtml/runtime";
import type { Changed, Dynamic, Rendered } from "livehtml/runtime";

export interface Assigns {
  tagName: string;
  /** Any attribute: the tag can be any element. */
  rest: Readonly<Record<string, unknown>>;
  inner_block?: readonly SlotEntry[];
}

export type Props = Omit<Assigns, "rest"> & NonNullable<Assigns["rest"]>;

const DECLARED = { component: "dynamicTag", names: ["tagName", "rest", "inner_block"], required: ["tagName"], rest: "rest", defaults: null };

const WITH_BODY = ["<", "", ">", "</", ">"];
const WITHOUT_BODY = ["<", "", "/>"];
// Fixed fingerprints: the shape depends only on whether there is a body.
const WITH_BODY_PRINT = 0x6479_6e01;
const WITHOUT_BODY_PRINT = 0x6479_6e02;

const TAG_NAME = /^[A-Za-z][A-Za-z0-9-]*$/;

function tagOf(name: unknown): string {
  if (typeof name !== "string" || !TAG_NAME.test(name)) {
    throw new TypeError(`<.dynamicTag>: tagName must be letters, digits and dashes (an HTML tag name), got ${JSON.stringify(name)}`);
  }
  return name;
}

function hasBody(slot: readonly SlotEntry[] | undefined): slot is readonly SlotEntry[] {
  return slot !== undefined && slot.length > 0;
}

export function dynamicTag(props: Props): Rendered {
  const assigns = declared<Assigns>(DECLARED, props);
  const c: Changed = changedOf(assigns);
  const tag = tagOf(assigns.tagName);
  const fresh = (key: keyof Assigns, track: boolean) => !track || c === null || c[key] !== undefined;
  if (!hasBody(assigns.inner_block)) {
    return node(
      WITHOUT_BODY,
      WITHOUT_BODY_PRINT,
      false,
      (track): Dynamic[] => [fresh("tagName", track) ? tag : null, fresh("rest", track) ? spreadAttrs(assigns.rest) : null],
      () => `<${tag}${spreadAttrs(assigns.rest)}/>`,
    );
  }
  const body = assigns.inner_block;
  return node(
    WITH_BODY,
    WITH_BODY_PRINT,
    false,
    (track): Dynamic[] => {
      const name = fresh("tagName", track) ? tag : null;
      return [name, fresh("rest", track) ? spreadAttrs(assigns.rest) : null, fresh("inner_block", track) ? dyn(renderSlot(body)) : null, name];
    },
    () => `<${tag}${spreadAttrs(assigns.rest)}>${htmlOf(renderSlot(body))}</${tag}>`,
  );
}

/** The first paint, straight to HTML. */
dynamicTag.html = (props: Props): string => dynamicTag(props).html();
