// Assembles the generated module of a template: the runtime import, the frontmatter, the
// statics table, the hoisted HTML functions and the render function (default export), or,
// for a `live` template inside a `.ts` file, a self-contained expression.

import type * as AST from "../parse/ast.ts";
import type { Analysis } from "../analyze/types.ts";
import type { Lowered } from "./lower.ts";
import type { Block } from "./ir.ts";
import { Emitter } from "./emit.ts";
import { CodeWriter } from "./writer.ts";
import type { DeclaredAttributes } from "../analyze/declared-attributes.ts";

export interface GenerateOptions {
  filename: string;
  /** The frontmatter declares an `Assigns` type. */
  declaresAssigns: boolean;
  /** Runtime names the template uses without importing them (`raw`, `renderSlot`). */
  implicitImports: string[];
  sparseMinSlots?: number;
  /** The component's declared attributes (its render builds its assigns through `declared`). */
  declared?: { attributes: DeclaredAttributes; component: string } | null;
}

const RUNTIME = "livehtml/runtime";

/** A `.live.html` module (TypeScript) whose default export renders the template. */
export function generateModule(
  source: string,
  template: AST.Template,
  analysis: Analysis,
  lowered: Lowered,
  options: GenerateOptions,
): CodeWriter {
  const body = new CodeWriter(source, options.filename);
  const assignsType = options.declaresAssigns ? "Assigns" : "$Assigns";
  const emitter = new Emitter(body, analysis, { assignsType, ...(options.sparseMinSlots !== undefined ? { sparseMinSlots: options.sparseMinSlots } : {}) });

  for (const block of lowered.blocks) if (!isLoopBody(block, lowered)) emitter.htmlFunction(block);
  const declared = options.declared ?? null;
  if (declared) {
    // The caller passes attributes and slots; the component's assigns are built from them
    // (defaults filled, undeclared attributes gathered into the rest property).
    const d = emitter.helpers.use("declared");
    body.text(`\n${declarationCode(declared.attributes, declared.component)}`);
    // The parameter is not `$props`: that is the helper a call of another component uses.
    body.text(`\nfunction render($attributes: $Props, changed?: $Changed): $Rendered {\n`);
    body.text(`const assigns = ${d}<Assigns>($DECLARED, $attributes);\n`);
  } else {
    // `changed` may be passed by the server; components receive theirs as `assigns.__changed__`.
    body.text(`\nfunction render(assigns: ${assignsType}, changed?: $Changed): $Rendered {\n`);
  }
  body.text(`const $c = ${emitter.helpers.use("changedOf")}(assigns, changed);\nreturn `);
  emitter.node(lowered.root);
  body.text(";\n}\n");
  const html = declared ? `($attributes: $Props): string => $h${lowered.root.id}(${emitter.helpers.use("declared")}<Assigns>($DECLARED, $attributes))` : `$h${lowered.root.id}`;
  body.text(`/** The first (HTTP) render: HTML straight from the assigns. */\nrender.html = ${html};\n`);
  body.text("export default render;\n");

  const out = new CodeWriter(source, options.filename);
  out.text(`// Compiled by livehtml from ${options.filename}. Edit the template, not this file.\n`);
  const imports = [emitter.helpers.importList(), ...options.implicitImports].filter(Boolean).join(", ");
  out.text(`import { ${imports} } from "${RUNTIME}";\n`);
  out.text(`import type { Changed as $Changed, Dynamic as $Dynamic, Rendered as $Rendered } from "${RUNTIME}";\n`);
  out.text(emitter.builtinImports());
  if (template.frontmatter) {
    const fm = template.frontmatter;
    out.expression(fm.contentStart, fm.contentStart + fm.code.length, []).text("\n");
  }
  if (!options.declaresAssigns) {
    out.text("// No `Assigns` type is declared in the frontmatter, so the template's assigns are untyped.\n");
    out.text("type $Assigns = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any\n");
  }
  for (const block of lowered.blocks) out.text(`const ${emitter.staticsName(block)} = ${JSON.stringify(block.statics)};\n`);
  out.text(emitter.pathConstants());
  out.append(body);
  return out;
}

/**
 * The expression that replaces a `live\`…\`` tagged template inside a `.ts` file: it reads
 * `assigns` from the enclosing scope, as HEEx's `~H` does. Statics are hoisted to `hoisted`
 * so that every render shares them.
 */
export function generateInline(
  source: string,
  analysis: Analysis,
  lowered: Lowered,
  options: { filename: string; prefix: string },
): { expression: CodeWriter; hoisted: string; helpers: string; builtins: ReadonlySet<string> } {
  const expression = new CodeWriter(source, options.filename);
  const emitter = new Emitter(expression, analysis, { assignsType: "$A", prefix: options.prefix });
  expression.text("(() => {\n");
  // Named before the HTML functions declare their own `assigns` parameter, which would shadow it.
  expression.text("type $A = typeof assigns;\n");
  for (const block of lowered.blocks) if (!isLoopBody(block, lowered)) emitter.htmlFunction(block);
  expression.text(`const $c = ${emitter.helpers.use("changedOf")}(assigns);\nreturn `);
  emitter.node(lowered.root);
  expression.text(";\n})()");
  let hoisted = "";
  for (const block of lowered.blocks) hoisted += `const ${emitter.staticsName(block)} = ${JSON.stringify(block.statics)};\n`;
  hoisted += emitter.pathConstants();
  return { expression, hoisted, helpers: emitter.helpers.importList(), builtins: emitter.builtins };
}

/**
 * The declaration a component's render passes to `declared`, and `$Props`, the type its callers
 * write against: attributes with a default become optional, and the rest property is replaced
 * by the rest attributes themselves.
 */
function declarationCode(attributes: DeclaredAttributes, component: string): string {
  const defaults = attributes.defaults.map((d) => JSON.stringify(d.name));
  let props = "Assigns";
  if (defaults.length > 0) {
    const keys = defaults.join(" | ");
    props = `Omit<Assigns, ${keys}> & Partial<Pick<Assigns, ${keys}>>`;
  }
  if (attributes.rest) {
    const rest = JSON.stringify(attributes.rest.name);
    props = `Omit<${props}, ${rest}> & NonNullable<Assigns[${rest}]>`;
  }
  const declaration = {
    component,
    names: attributes.names,
    required: attributes.required,
    rest: attributes.rest?.name ?? null,
  };
  const json = JSON.stringify(declaration).slice(0, -1);
  return `type $Props = ${props};\nconst $DECLARED = ${json}, "defaults": ${defaults.length > 0 ? "defaults" : "null"} };\n`;
}

/** Loop bodies render inline in their parent's HTML function and need no function of their own. */
function isLoopBody(block: Block, lowered: Lowered): boolean {
  return lowered.loopBodies.has(block.id);
}
