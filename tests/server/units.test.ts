import { suite } from "uvu";
import * as assert from "uvu/assert";
import { decodeForm, splitKey, targetPath } from "../../runtime/server/params.ts";
import { TokenSigner } from "../../runtime/server/token.ts";
import { matchRoute, live } from "../../runtime/server/router.ts";
import { parseFrame } from "../../runtime/server/frames.ts";
import { defineView } from "../../runtime/server/view.ts";
import { MemoryPubSub } from "../../runtime/server/pubsub.ts";

const params = suite("nested form params");
params("nested maps, lists and lists of maps", () => {
  assert.equal(decodeForm("user%5Bname%5D=a&user%5Btags%5D%5B%5D=x&user%5Btags%5D%5B%5D=y&n=1"), {
    user: { name: "a", tags: ["x", "y"] },
    n: "1",
  });
  assert.equal(decodeForm("items[][a]=1&items[][b]=2&items[][a]=3"), { items: [{ a: "1", b: "2" }, { a: "3" }] });
  assert.equal(splitKey("a[b]c"), ["a[b]c"]);
  assert.equal(targetPath("user[name]"), ["user", "name"]);
  assert.equal(decodeForm(""), {});
});
params.run();

const tokens = suite("signed tokens");
tokens("round trip, tamper, expiry, salt", () => {
  const signer = new TokenSigner("0123456789abcdef0123");
  const t = signer.sign("s", { a: 1 }, 1000, 1_000);
  assert.equal(signer.verify("s", t, 1_500), { ok: true, data: { a: 1 } });
  assert.equal(signer.verify("s", t, 3_000), { ok: false, reason: "expired" });
  assert.equal(signer.verify("other", t, 1_500), { ok: false, reason: "invalid" });
  assert.equal(signer.verify("s", "x" + t, 1_500), { ok: false, reason: "invalid" });
  assert.equal(signer.verify("s", 42, 1_500), { ok: false, reason: "invalid" });
  assert.throws(() => new TokenSigner("short"), /at least 16/);
});
tokens.run();

const misc = suite("router, frames, pubsub");
misc("routes match path params", () => {
  const V = defineView({ render: () => { throw new Error("unused"); } });
  const routes = [live("/a", V), live("/rooms/:id", V)];
  assert.equal(matchRoute(routes, "/rooms/7")?.params, { id: "7" });
  assert.is(matchRoute(routes, "/rooms"), null);
  assert.throws(() => live("x", V), /must start with/);
});
misc("frames are validated", () => {
  assert.ok(parseFrame('["1","2","lv:x","event",{}]').ok);
  const bad = parseFrame('["1","2","lv:x","event",[]]');
  assert.ok(!bad.ok && bad.error.includes("payload"));
});
misc("pubsub delivers to subscribers until they unsubscribe", () => {
  const ps = new MemoryPubSub();
  const got: unknown[] = [];
  const off = ps.subscribe("t", (m) => got.push(m));
  ps.broadcast("t", 1);
  off();
  ps.broadcast("t", 2);
  assert.equal(got, [1]);
  assert.is(ps.subscriberCount("t"), 0);
});
misc.run();
