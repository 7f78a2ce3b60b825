// `livehtml/server`: views, components, streams, routing, pubsub and the HTTP + WebSocket server.
import type { Rendered } from "../shared/rendered.ts";

export { defineView, type ViewDefinition, type ViewCallbacks, type RenderAssigns, type Template, type Session, type Flash, type EventResult, type AnyView } from "./view.ts";
export type { ViewSocket, TimerRef } from "./socket.ts";
export type { HookStage, HookResult } from "./hooks.ts";
export { AsyncResult, type AsyncOutcome, type AsyncWork } from "./async.ts";
export { liveComponent, componentRef, type ComponentDefinition, type ComponentCallbacks, type ComponentOwnAssigns, type ComponentUpdateEntry } from "./component.ts";
export { StreamValue, type StreamOptions, type StreamInsertOptions, type StreamConfig } from "./stream.ts";
export { live, matchRoute, type LiveRoute, type LiveRouteOptions } from "./router.ts";
export type { ContainerOptions } from "./container.ts";
export { liveRender, type LiveRenderOptions } from "./nested.ts";
export { liveSession, type LiveSessionOptions, type OnMountHook, type ViewLayout } from "./live-session.ts";
export { MemoryPubSub, type PubSub, type Unsubscribe } from "./pubsub.ts";
export { consoleLogger, MemoryLogger, type Logger } from "./log.ts";
export { createServer, type ServerOptions, type LiveServer } from "./server.ts";
export { defaultLayout, type Layout, type LayoutInput } from "./context.ts";
export { CLIENT_PATH } from "./client-asset.ts";
export { JS } from "../shared/js.ts";
export type { JSTarget, JSTransition, JSPushOptions, JSShowOptions, JSToggleOptions, JSDispatchOptions } from "../shared/js.ts";
export { toForm, usedInput, inputsFor, formField, validate, validateAsync } from "../shared/form.ts";
export type { Form, FormField, FormOptions, FormErrors, FormIssue, InputsForOptions, StandardSchema, ValidationResult } from "../shared/form.ts";
export { decodeForm, type Params, type ParamValue } from "./params.ts";
export { uploadErrors, type UploadConfig, type UploadEntry, type UploadError } from "../shared/uploads.ts";
export type { UploadOptions, ExternalMeta } from "./uploads/config.ts";
export type { UploadedFile } from "./uploads/view-uploads.ts";

/** Renders a compiled template to HTML, outside any live view. */
export function renderToString<A>(template: (assigns: A) => Rendered, assigns: A): string {
  return template(assigns).html();
}
