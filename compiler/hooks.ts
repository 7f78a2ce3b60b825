// Colocated hooks: a client hook written in the template it belongs to,
//
//   <script type="hook" name=".PhoneNumber">export default { mounted() { … } }</script>
//   <input id="phone" phx-hook=".PhoneNumber">
//
// The script never reaches the page: `extractHooks` takes it out of the parsed template before
// anything is generated from it. A name with a leading dot is the template's own: `.PhoneNumber`
// in `phone-form.live.html` becomes `phone-form.PhoneNumber`, both as the hook's name and in every
// static `phx-hook=".PhoneNumber"` of that template (a dotted name the template does not define
// is an error). A name without the dot is used as written. The script's body is an ES module
// whose default export is the hook; the Vite plugin gathers every template's hooks into
// `virtual:livehtml/hooks`, and `livehtml compile` writes them beside its outputs.
import type * as AST from "./parse/ast.ts";
import type { Args, Code } from "./diagnostics/catalogue.ts";

export interface ColocatedHook {
  /** The name the client registers it under (scoped when written with a leading dot). */
  readonly name: string;
  /** The script's body: an ES module whose default export is the hook. */
  readonly code: string;
  /** Where the body starts in the template source. */
  readonly start: number;
}

type Report = (code: Code, args: Args, start: number, end: number) => void;

const HOOK_NAME = /^\.?[A-Za-z_$][\w$-]*$/;

/** Cheap text test: only a template that may hold a hook script (or name one with a dot) is walked. */
export function mayHaveHooks(source: string): boolean {
  return /<script\b[^>]*\btype\s*=\s*["']?hook\b/i.test(source) || /\bphx-hook\s*=\s*["']?\./.test(source);
}

/** The scope of a template's dotted hook names: its file name without extensions. */
export function hookScope(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? filename;
  return base.replace(/\.live\.html$/, "").replace(/\.[^.]*$/, "");
}

/**
 * Removes the template's hook scripts from `ast` (in place), rewrites its static `phx-hook`
 * values that name them, and returns the hooks. Problems are reported, never thrown.
 */
export function extractHooks(ast: AST.Template, source: string, filename: string, report: Report): ColocatedHook[] {
  if (!mayHaveHooks(source)) return [];
  const hooks: ColocatedHook[] = [];
  const local = new Map<string, string>();
  const scope = hookScope(filename);

  const take = (children: AST.Node[]): void => {
    for (let i = 0; i < children.length; i++) {
      const node = children[i]!;
      if (node.type === "Element" && isHookScript(node)) {
        const hook = readHook(node, scope, report);
        if (hook) {
          if (hooks.some((h) => h.name === hook.name)) report("LH0522", { name: hook.written }, node.openTag.start, node.openTag.end);
          else {
            hooks.push({ name: hook.name, code: hook.code, start: hook.start });
            if (hook.written.startsWith(".")) local.set(hook.written, hook.name);
          }
        }
        children.splice(i, 1);
        dropLineOf(children, i);
        i--;
        continue;
      }
      for (const list of childLists(node)) take(list);
    }
  };
  take(ast.children);

  const rename = (children: AST.Node[]): void => {
    for (const node of children) {
      if (node.type === "Element" || node.type === "Component" || node.type === "Slot") {
        for (const attribute of node.attributes) {
          if (attribute.type !== "StaticAttribute" || attribute.name !== "phx-hook" || !attribute.value?.startsWith(".")) continue;
          const scoped = local.get(attribute.value);
          if (scoped === undefined) {
            report("LH0521", { name: attribute.value, known: [...local.keys()].join(", ") }, attribute.start, attribute.end);
            continue;
          }
          attribute.value = scoped;
          attribute.quote ??= '"';
        }
      }
      for (const list of childLists(node)) rename(list);
    }
  };
  rename(ast.children);
  return hooks;
}

/** A script alone on its line leaves no blank line behind (as a line of only an EEx block tag). */
function dropLineOf(children: AST.Node[], at: number): void {
  const before = children[at - 1];
  const after = children[at];
  if (after?.type !== "Text") return;
  if (at > 0 && !(before?.type === "Text" && /(^|\n)[ \t]*$/.test(before.data))) return;
  after.data = after.data.replace(/^[ \t]*\r?\n/, "");
  if (after.data === "") children.splice(at, 1);
}

function isHookScript(node: AST.Element): boolean {
  return node.name === "script" && node.attributes.some((a) => a.type === "StaticAttribute" && a.name === "type" && a.value?.toLowerCase() === "hook");
}

function readHook(node: AST.Element, scope: string, report: Report): { name: string; written: string; code: string; start: number } | null {
  const at = (what: string) => (report("LH0520", { what }, node.openTag.start, node.openTag.end), null);
  const d = node.directives;
  if (d.if || d.else || d.for || d.let || d.key) return at("is always part of the page's code: it cannot take :if, :else, :for, :let or :key");
  if (node.attributes.some((a) => a.type !== "StaticAttribute")) return at("takes static attributes only");
  const name = node.attributes.find((a): a is AST.StaticAttribute => a.type === "StaticAttribute" && a.name === "name");
  if (!name || name.value === null) return at('needs a name: name=".PhoneNumber"');
  if (!HOOK_NAME.test(name.value)) return at(`name must be a hook name such as ".PhoneNumber", got "${name.value}"`);
  if (node.children.some((c) => c.type !== "Text")) return at("is static code: its body cannot hold <%= %>");
  const code = node.children.map((c) => (c as AST.Text).data).join("");
  const start = node.children[0]?.start ?? node.openTag.end;
  const written = name.value;
  return { name: written.startsWith(".") ? `${scope}${written}` : written, written, code, start };
}

function childLists(node: AST.Node): AST.Node[][] {
  switch (node.type) {
    case "Element":
    case "Component":
    case "Slot":
      return [node.children];
    case "EexBlock":
      return node.kind === "if" ? node.clauses.map((c) => c.children) : [node.children];
    default:
      return [];
  }
}
