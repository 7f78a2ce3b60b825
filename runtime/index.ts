// `livehtml`: the server API at the package root; templates' runtime helpers are at
// `livehtml/runtime`, the test harness at `livehtml/test`.
export * from "./server/index.ts";
