// `livehtml/components`: the built-in function components. A template calls them by name
// (`<.link navigate="/x">`) without importing them, unless it defines a component of the same
// name; they are compiled from the `.live.html` files beside this one (scripts/build-components.ts).
export { default as form } from "./form.live.html.ts";
export { default as input } from "./input.live.html.ts";
export type { SelectOption } from "./input.live.html.ts";
export { default as inputsFor } from "./inputs-for.live.html.ts";
export { default as link } from "./link.live.html.ts";
export { default as liveTitle } from "./live-title.live.html.ts";
export { default as focusWrap } from "./focus-wrap.live.html.ts";
export { default as intersperse } from "./intersperse.live.html.ts";
export { default as liveFileInput } from "./live-file-input.live.html.ts";
export { default as liveImgPreview } from "./live-img-preview.live.html.ts";
export { dynamicTag } from "./dynamic-tag.ts";
export { default as asyncResult } from "./async-result.live.html.ts";
export { default as portal } from "./portal.live.html.ts";
