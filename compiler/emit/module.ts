// Assembles the generated module of a template: the runtime import, the frontmatter, the
// statics table, the hoisted HTML functions and the render function (default export), or,
// for a `live` template inside a `.ts` file, a self-contained expression.

import type * as AST from "../parse/ast.ts";
import type { Analysis } from "../analyze/types.ts";
import type { Lowered } from "../lower/index.ts";
import type { Block } from "../lower/ir.ts";
import type { CompileContext } from "../context.ts";
import { Emitter } from "./emitter.ts";
import { CodeWriter } from "./writer.ts";
import type { DeclaredAttributes } from "../analyze/declared-attributes.ts";

export interface GenerateOptions {
  sparseMinSlots?: number;
}

const RUNTIME = "livehtml/runtime";

/** A `.live.html` module (TypeScript) whose default export renders the template. */
export function generateModule(
  ctx: CompileContext,
  template: AST.Template,
  analysis: Analysis,
  lowered: Lowered,
  options: GenerateOptions,
): CodeWriter {
  const body = new CodeWriter(ctx);
  const { declaresAssigns } = analysis.module;
  const assignsType = declaresAssigns ? "Assigns" : "$Assigns";
  const emitter = new Emitter(body, analysis, { assignsType, ...(options.sparseMinSlots !== undefined ? { sparseMinSlots: options.sparseMinSlots } : {}) });

  for (const block of lowered.blocks) if (!isLoopBody(block, lowered)) emitter.htmlFunction(block);
  const declared = analysis.module.declared ? { attributes: analysis.module.declared, component: componentName(ctx.filename) } : null;
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

  const out = new CodeWriter(ctx);
  out.text(`// Compiled by livehtml from ${ctx.filename}. Edit the template, not this file.\n`);
  const imports = [emitter.helpers.importList(), ...analysis.implicitImports].filter(Boolean).join(", ");
  out.text(`import { ${imports} } from "${RUNTIME}";\n`);
  out.text(`import type { Changed as $Changed, Dynamic as $Dynamic, Rendered as $Rendered } from "${RUNTIME}";\n`);
  out.text(emitter.builtinImports());
  if (template.frontmatter) {
    const fm = template.frontmatter;
    out.expression(fm.contentStart, fm.contentStart + fm.code.length, []).text("\n");
  }
  if (!declaresAssigns) {
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
  ctx: CompileContext,
  analysis: Analysis,
  lowered: Lowered,
  options: { prefix: string },
): { expression: CodeWriter; hoisted: string; helpers: string; builtins: ReadonlySet<string> } {
  const expression = new CodeWriter(ctx);
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

/** `components/card.live.html` → `card`: how error messages name the component. */
function componentName(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? filename;
  return base.replace(/\.live\.html$/, "").replace(/\.[^.]*$/, "");
}

/** Loop bodies render inline in their parent's HTML function and need no function of their own. */
function isLoopBody(block: Block, lowered: Lowered): boolean {
  return lowered.loopBodies.has(block.id);
}
