// The runtime functions a template may call without importing them. The one list: analysis
// treats them as constants (never tracked), the generated module imports those a template
// reads, and inside `<script>` only a call of a script-safe one may be interpolated.

export const IMPLICIT_HELPERS = {
  /** Trusted markup (or code, in a script body), as written. */
  raw: { scriptSafe: true },
  /** A value as a JavaScript literal, escaped for a script body. */
  json: { scriptSafe: true },
  /** The content of a component's slot entry. */
  renderSlot: { scriptSafe: false },
} as const;

export type ImplicitHelper = keyof typeof IMPLICIT_HELPERS;

export const IMPLICIT_HELPER_NAMES: readonly ImplicitHelper[] = Object.keys(IMPLICIT_HELPERS) as ImplicitHelper[];

export function isImplicitHelper(name: string): name is ImplicitHelper {
  return Object.hasOwn(IMPLICIT_HELPERS, name);
}

/** Names whose call may be interpolated in a `<script>` body. */
export const SCRIPT_SAFE_HELPERS: ReadonlySet<string> = new Set(IMPLICIT_HELPER_NAMES.filter((name) => IMPLICIT_HELPERS[name].scriptSafe));
