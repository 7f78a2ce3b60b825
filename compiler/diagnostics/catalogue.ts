// THE catalogue of parse diagnostics: one stable code per rule, its severity, its message and,
// where one helps, a hint. Codes never change meaning once published; retire a code rather than
// reuse it. `Record<Code, Entry>` makes a code without a message a type error.
//
// Numbering: LH00xx files, LH01xx lexical (tokenizer), LH02xx structure (tree), LH03xx TypeScript,
// LH04xx attributes and special attributes, LH05xx analysis (change tracking, colocated
// templates), LH06xx output safety.

export type Code =
  | "LH0001"
  | "LH0101" | "LH0102" | "LH0103" | "LH0104" | "LH0105" | "LH0106" | "LH0107" | "LH0108"
  | "LH0109" | "LH0110" | "LH0111" | "LH0112" | "LH0113" | "LH0114" | "LH0115" | "LH0116"
  | "LH0117" | "LH0118" | "LH0119" | "LH0120"
  | "LH0201" | "LH0202" | "LH0203" | "LH0204" | "LH0205" | "LH0206" | "LH0207" | "LH0208"
  | "LH0209" | "LH0210" | "LH0211" | "LH0212" | "LH0213" | "LH0214" | "LH0215" | "LH0216"
  | "LH0217"
  | "LH0301" | "LH0302" | "LH0303" | "LH0304" | "LH0305"
  | "LH0401" | "LH0402" | "LH0403" | "LH0404" | "LH0405" | "LH0406" | "LH0407" | "LH0408"
  | "LH0409" | "LH0410" | "LH0411" | "LH0412" | "LH0413" | "LH0414" | "LH0415"
  | "LH0501" | "LH0502" | "LH0503"
  | "LH0510" | "LH0511" | "LH0512" | "LH0513" | "LH0514" | "LH0515"
  | "LH0520" | "LH0521" | "LH0522"
  | "LH0601"
  | "LH0900";

/** Message arguments: names, tag names, line numbers. */
export type Args = Readonly<Record<string, string | number>>;

export interface Entry {
  severity: "error" | "warning";
  /** What was found and what was expected. */
  message: (a: Args) => string;
  /** Appended to the message after a blank-free ". " separator. */
  hint?: (a: Args) => string | null;
}

const LT_HINT = "If you meant a literal <, write &lt; instead";
const LBRACE_HINT = 'If you meant a literal {, write &lbrace; or <%= "{" %> instead';

export const CATALOGUE: Record<Code, Entry> = {
  // ── files (CLI) ──────────────────────────────────────────────────────────────────────
  LH0001: { severity: "error", message: (a) => `cannot ${a.action} ${a.path}: ${a.reason}` },

  // ── lexical ────────────────────────────────────────────────────────────────────────────
  LH0101: { severity: "error", message: () => "expected a tag name after <", hint: () => LT_HINT },
  LH0102: { severity: "error", message: () => "expected a tag name after </" },
  LH0103: {
    severity: "error",
    message: (a) => `expected closing \`>\` for </${a.name}>, found ${a.found}`,
  },
  LH0104: {
    severity: "error",
    message: (a) => `end of template reached inside the start tag <${a.name}>; expected \`>\` or \`/>\``,
  },
  LH0105: { severity: "error", message: (a) => `expected an attribute name, found \`${a.found}\`` },
  LH0106: {
    severity: "error",
    message: (a) => `invalid attribute name: unexpected \`${a.char}\``,
    hint: () => "attribute names cannot contain quotes; did you forget an `=`?",
  },
  LH0107: {
    severity: "error",
    message: () => "expected an attribute, found the end of an interpolation `}`",
  },
  LH0108: {
    severity: "error",
    message: (a) =>
      `invalid value for attribute "${a.name}": expected a quoted value ("value" or 'value') or an expression between braces ({expr})`,
    hint: (a) => `write ${a.name}="${a.value}"`,
  },
  LH0109: {
    severity: "error",
    message: (a) => `expected closing \`${a.quote}\` for the value of attribute "${a.name}"`,
  },
  LH0110: { severity: "error", message: () => "expected closing `}` for this expression", hint: () => LBRACE_HINT },
  LH0111: { severity: "error", message: () => "expected closing `-->` for this comment" },
  LH0112: { severity: "error", message: () => "expected closing `%>` for this EEx tag" },
  LH0113: { severity: "error", message: () => "expected closing `--%>` for this template comment" },
  LH0114: { severity: "error", message: () => "expected closing `>` for this doctype" },
  LH0115: {
    severity: "warning",
    message: (a) => `missing space before attribute "${a.name}"`,
  },
  LH0116: {
    severity: "error",
    message: () => "`<%= %>` cannot be used inside a tag",
    hint: () => 'use an attribute expression instead, e.g. class={"btn " + @kind}, or a spread {...@attrs}',
  },
  LH0117: {
    severity: "error",
    message: (a) => `unterminated ${a.what} in expression`,
  },
  LH0118: { severity: "error", message: () => "empty expression `{}`: expected a TypeScript expression between the braces", hint: () => LBRACE_HINT },
  LH0119: {
    severity: "error",
    message: (a) => `start tag <${a.name}> is not closed: expected \`>\` or \`/>\` before the next \`<\``,
  },
  LH0120: {
    severity: "warning",
    message: () => "`<%# %>` comments are deprecated: expected `<%!-- ... --%>`",
  },

  // ── structure ──────────────────────────────────────────────────────────────────────────
  LH0201: {
    severity: "error",
    message: (a) => `end of template reached without closing tag for <${a.name}> (opened at line ${a.line})`,
    hint: (a) => `add </${a.name}>`,
  },
  LH0202: {
    severity: "error",
    message: (a) => `unmatched closing tag: expected </${a.expected}> for <${a.expected}> at line ${a.line}, found </${a.name}>`,
    // `fix` says how the close tag relates to what is open (see builder.ts closeTag).
    hint: (a) => {
      if (a.fix === "typo") return `did you mean </${a.expected}>?`;
      if (a.fix === "inner") return `add </${a.expected}> before </${a.name}>`;
      if (a.fix === "stray") return `no <${a.name}> is open here: remove </${a.name}> or add the missing <${a.name}>`;
      return null;
    },
  },
  LH0203: {
    severity: "error",
    message: (a) => `</${a.name}> closes nothing: <${a.name}> is a void element and cannot have content or a closing tag`,
  },
  LH0204: { severity: "error", message: (a) => `missing opening tag for </${a.name}>` },
  LH0205: {
    severity: "error",
    message: (a) => `invalid slot entry <${a.name}>: a slot entry must be a direct child of a component`,
  },
  LH0206: {
    severity: "error",
    message: () => "the slot name :inner_block is reserved: the body of a component is already its inner block",
  },
  LH0207: { severity: "error", message: () => "a component name is required after `.`, e.g. <.card>" },
  LH0208: {
    severity: "error",
    message: (a) => `invalid tag <${a.name}>: expected a remote component such as <Ns.name> (namespace, then a lowercase function name)`,
    hint: (a) => (a.suggestion ? `did you mean <${a.suggestion}>?` : null),
  },
  LH0209: {
    severity: "error",
    message: (a) => `EEx block \`${a.kind}\` opened at line ${a.line} has no \`<% end %>\``,
  },
  LH0210: { severity: "error", message: () => "`<% end %>` without an open `<%= if … do %>` or `<%= for … do %>` block" },
  LH0211: {
    severity: "error",
    message: (a) => `\`<% ${a.word} %>\` without an open \`<%= if … do %>\` block`,
  },
  LH0212: {
    severity: "error",
    message: (a) => `\`<% ${a.code} %>\` is not allowed: \`<% %>\` only holds \`else\`, \`else if … do\` and \`end\``,
    hint: (a) =>
      a.block
        ? `write <%= ${a.code} %> to open a block`
        : "move statements and helpers to the --- frontmatter, or compute a value in the view's assigns",
  },
  LH0213: {
    severity: "error",
    message: (a) => `end of EEx block reached without closing tag for <${a.name}> (opened at line ${a.line})`,
  },
  LH0214: {
    severity: "error",
    message: (a) => `unsupported EEx block \`${a.word} … do\`: expected \`if … do\` or \`for … do\``,
  },
  LH0215: {
    severity: "error",
    message: (a) => `\`<% ${a.word} %>\` after the final \`<% else %>\` of the block opened at line ${a.line}`,
  },
  LH0216: {
    severity: "error",
    message: () => "`<% else %>` cannot be used in a `for` block: expected `<% end %>`",
  },
  LH0217: {
    severity: "error",
    message: () => "EEx `for` block needs a generator: expected `<%= for pattern of iterable do %>` or `pattern <- iterable`",
  },

  // ── TypeScript ─────────────────────────────────────────────────────────────────────────
  LH0301: { severity: "error", message: (a) => `TypeScript syntax error in expression: ${a.text}` },
  LH0302: { severity: "error", message: (a) => `TypeScript syntax error in frontmatter: ${a.text}` },
  LH0303: {
    severity: "error",
    message: () => "the frontmatter opened by `---` is not closed: expected a line holding only `---`",
  },
  LH0304: {
    severity: "error",
    // `livehtml check`: TypeScript's own diagnostic, mapped back to the template.
    message: (a) => `TS${a.tsCode}: ${a.text}`,
  },
  LH0305: { severity: "error", message: (a) => `cannot use the TypeScript project ${a.path}: ${a.text}` },


  // ── attributes ─────────────────────────────────────────────────────────────────────────
  LH0401: {
    severity: "error",
    message: (a) => `duplicated attribute "${a.name}" (first set at line ${a.line}, column ${a.column})`,
  },
  LH0402: {
    severity: "error",
    message: (a) => `unknown special attribute "${a.name}": expected one of :if, :else-if, :else, :for, :key, :let`,
    hint: (a) => (a.suggestion ? `did you mean "${a.suggestion}"?` : null),
  },
  LH0403: {
    severity: "error",
    message: (a) => `"${a.name}" must directly follow a sibling with :if or :else-if`,
  },
  LH0404: {
    severity: "error",
    message: () => ":for must be a generator between braces: expected {pattern of iterable} or {pattern <- iterable}",
  },
  LH0405: { severity: "error", message: () => ":key can only be used together with :for on the same tag" },
  LH0406: {
    severity: "error",
    message: (a) => `:let is not supported on the HTML tag <${a.name}>: expected a component or a slot`,
  },
  LH0407: {
    severity: "error",
    message: (a) => `${a.name} must be an expression between braces, e.g. ${a.name}={…}`,
  },
  LH0408: { severity: "error", message: () => ":else takes no value: expected a bare `:else`" },
  LH0409: { severity: "error", message: (a) => `:key is not supported on slots (<${a.name}>)` },
  LH0410: {
    severity: "error",
    message: (a) => `attribute "${a.attr}" requires the "id" attribute to be set on <${a.name}>`,
  },
  LH0411: {
    severity: "error",
    message: (a) => `invalid phx-update value "${a.value}": expected one of ignore, stream, replace`,
  },
  LH0412: {
    severity: "warning",
    message: (a) => `phx-update="${a.value}" is deprecated: use phx-update="stream" instead`,
  },
  LH0413: {
    severity: "warning",
    message: () => 'setting name="id" on an input overrides the id property of its form; choose another name',
  },
  LH0414: {
    severity: "error",
    message: (a) => `cannot use :let on <${a.name}/> without inner content`,
  },
  LH0415: {
    severity: "error",
    message: (a) => `:else cannot be combined with ${a.other} on the same tag`,
  },

  // ── analysis ───────────────────────────────────────────────────────────────────────────
  LH0501: {
    severity: "warning",
    message: () =>
      "this expression reads the whole `assigns` object, so it is recomputed and sent on every change",
    hint: () => "pass only the assigns it needs (e.g. `@user` instead of `assigns`)",
  },
  LH0502: {
    severity: "warning",
    message: (a) =>
      `\`${a.name}\` is not an assign, a loop variable or a module-level binding, so changes to it cannot be tracked ` +
      "and this expression is recomputed and sent on every change",
    hint: (a) => `make it an assign (\`@${a.name}\`) or import it`,
  },
  LH0503: {
    severity: "error",
    message: (a) => `a \`${a.tag}\` template cannot contain JavaScript substitutions (a dollar sign before braces)`,
    hint: () => "write the expression as {expr} inside the template",
  },

  LH0510: {
    severity: "error",
    message: (a) => `<${a.component}> has no attribute \`${a.name}\``,
    hint: (a) => `expected one of ${a.expected}`,
  },
  LH0511: {
    severity: "error",
    message: (a) => `<${a.component}> needs the attribute \`${a.name}\``,
  },
  LH0512: {
    severity: "warning",
    message: (a) => `\`@${a.name}\` is not a declared attribute of this component (an attribute the caller passes under that name goes to the rest attributes, if any)`,
    hint: () => "declare it in the `Assigns` interface",
  },
  LH0513: {
    severity: "error",
    message: (a) => `\`defaults\` names \`${a.name}\`, which the \`Assigns\` interface does not declare`,
  },

  LH0514: {
    severity: "error",
    message: (a) => `withAttributes() ${a.what}`,
    hint: () => 'write withAttributes({ defaults: { … }, rest: "rest" }, (assigns: MyAssigns) => live`…`), with `MyAssigns` declared in this file',
  },
  LH0515: {
    severity: "error",
    message: (a) => `the rest property \`${a.name}\` ${a.reason}`,
    hint: () => 'type the property `Rest` (or `Rest<"extra" | …>`) and name it in the options: `rest: "rest"`',
  },

  LH0520: {
    severity: "error",
    message: (a) => `a colocated hook ${a.what}`,
    hint: () => 'write <script type="hook" name=".Name">export default { mounted() { … } }</script>',
  },
  LH0521: {
    severity: "error",
    message: (a) => `phx-hook="${a.name}" names no colocated hook of this template`,
    hint: (a) => (a.known ? `this template defines ${a.known}` : `define it here with <script type="hook" name="${a.name}">, or drop the leading dot for a hook registered with the client`),
  },
  LH0522: {
    severity: "error",
    message: (a) => `the colocated hook "${a.name}" is defined twice in this template`,
  },

  // ── output safety ──────────────────────────────────────────────────────────────────────
  LH0601: {
    severity: "error",
    message: () =>
      "`<%= %>` inside <script> must be json(value) or raw(code): HTML escaping does not protect a script body, where a quote, a backtick, a dollar sign before a brace or a line break can end a string, and plain code needs no quote at all",
    hint: () => "write <%= json(@value) %> to embed data (it is escaped for scripts), or raw(...) for trusted code",
  },

  // ── internal ───────────────────────────────────────────────────────────────────────────
  LH0900: {
    severity: "error",
    message: (a) => `internal parser error: ${a.text}`,
    hint: () => "this is a bug in livehtml; please report it with the template that caused it",
  },
};

export function formatMessage(code: Code, args: Args): string {
  const entry = CATALOGUE[code];
  const text = entry.message(args);
  const hint = entry.hint?.(args) ?? null;
  return hint ? `${text}. ${hint}` : text;
}
