// `livehtml/runtime`: what compiled templates import, plus the wire format, client-side merge
// and HTML reconstruction shared by the server, the client and tests.
export type {
  Changed,
  Comprehension,
  ComprehensionEntry,
  ComponentRef,
  Dynamic,
  Rendered,
  StreamPatch,
} from "./rendered.ts";
export * from "./template.ts";
export { escapeHTML, raw, isSafeHTML, toText, SafeHTML } from "./escape.ts";
export { attr, attrAt, attrValue, classAttr, classValue, styleAttr, styleValue, spreadAttrs, urlAttr, urlAttrAt, rawOnlyAttr, bindingAttr } from "./attributes.ts";
export { json } from "./json.ts";
export { pageCsrfToken, withCsrfToken } from "./csrf-token.ts";
export { isSafeUrl, safeUrl, REFUSED_URL } from "./url.ts";
export { deepEqual } from "./equal.ts";
export { assignValue, isChanged, pathChanged, varsChanged } from "./changes.ts";
export type { MutableChanged } from "./changes.ts";
export * from "./wire.ts";
export { mergeDiff, extract } from "./merge.ts";
export type { RenderedState, Extracted } from "./merge.ts";
export { toHTML, componentToHTML } from "./to-html.ts";
export type { ToHTMLOptions } from "./to-html.ts";
export { live } from "./live.ts";
export { JS, isJS } from "./js.ts";
export { liveDestination, linkDestination } from "./destination.ts";
export type { JSTarget, JSTransition, JSTransitionOptions, JSPushOptions, JSShowOptions, JSToggleOptions, JSDispatchOptions, JSNavigateOptions, JSToOptions, JSOperation } from "./js.ts";
export { toForm, usedInput, inputsFor, formField, validate, validateAsync } from "./form.ts";
export type { Form, FormField, FormOptions, FormErrors, FormIssue, FormParams, InputsForOptions, StandardSchema, StandardResult, StandardIssue, ValidationResult } from "./form.ts";
export { declared, GLOBAL_ATTRIBUTES, GLOBAL_PREFIXES } from "./declared.ts";
export type { Rest, GlobalAttributes, AttributeDeclaration } from "./declared.ts";
export { withAttributes } from "./with-attributes.ts";
export type { AttributeOptions, CompiledAttributes, PropsOf } from "./with-attributes.ts";
export { uploadErrors } from "./uploads.ts";
export type { UploadConfig, UploadEntry, UploadError } from "./uploads.ts";
