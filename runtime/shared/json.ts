// `json(value)`: a value as a JavaScript literal inside `<script>` (LANGUAGE.md, "Script bodies").
//
// A script body is raw text: the browser decodes no entities there, so HTML escaping would only
// corrupt the data, and what ends the element is the text `</script` (or `<!--` starting an
// escape). JSON is a JavaScript expression in any position (code, not only inside a string), and
// escaping `<`, `>` and `&` as \u003c, \u003e and \u0026 keeps every tag and comment opener out.
// U+2028 and U+2029 are escaped too: valid in JSON strings, they were line terminators in
// JavaScript before ES2019 and still break older parsers and source maps.
import { SafeHTML } from "./escape.ts";

const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;
const ESCAPES: Readonly<Record<string, string>> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/**
 * `value` as JSON that is safe to interpolate anywhere in a `<script>` body: `<%= json(@config) %>`.
 * `undefined` (or a function) gives `null`; values JSON cannot hold (a cycle, a bigint) throw.
 */
export function json(value: unknown): SafeHTML {
  const text = JSON.stringify(value) ?? "null";
  return new SafeHTML(text.replace(UNSAFE_IN_SCRIPT, (c) => ESCAPES[c]!));
}
