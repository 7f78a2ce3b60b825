import { suite } from "uvu";
import * as assert from "uvu/assert";
import { decodeForm, ParamsError, splitKey, targetPath } from "../../runtime/server/params.ts";
import { createHmac } from "node:crypto";
import { TokenSigner } from "../../runtime/server/token.ts";
import { HmacSha256 } from "../../runtime/server/hmac.ts";
import { matchRoute, live } from "../../runtime/server/router.ts";
import { parseFrame } from "../../runtime/server/frames.ts";
import { defineView } from "../../runtime/server/view.ts";
import { MemoryPubSub } from "../../runtime/server/pubsub.ts";

const params = suite("nested form params");
/** Decoded params have no prototype; their JSON is compared. */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
params("nested maps, lists and lists of maps", () => {
  assert.equal(plain(decodeForm("user%5Bname%5D=a&user%5Btags%5D%5B%5D=x&user%5Btags%5D%5B%5D=y&n=1")), {
    user: { name: "a", tags: ["x", "y"] },
    n: "1",
  });
  assert.equal(plain(decodeForm("items[][a]=1&items[][b]=2&items[][a]=3")), { items: [{ a: "1", b: "2" }, { a: "3" }] });
  assert.equal(plain(decodeForm("a[][x][][y]=1&a[][x][][y]=2")), { a: [{ x: [{ y: "1" }] }, { x: [{ y: "2" }] }] });
  assert.equal(splitKey("a[b]c"), ["a[b]c"]);
  assert.equal(targetPath("user[name]"), ["user", "name"]);
  assert.equal(plain(decodeForm("")), {});
});
params("maps have no prototype; prototype names are refused wherever they appear", () => {
  const decoded = decodeForm("user[name]=a");
  assert.is(Object.getPrototypeOf(decoded), null);
  assert.is(Object.getPrototypeOf(decoded.user), null);
  for (const query of ["__proto__[x]=1", "a[__proto__]=1", "a[][constructor]=1", "prototype=1", "a[b][prototype][c]=1"]) {
    assert.throws(() => decodeForm(query), (e: unknown) => e instanceof ParamsError && /is not allowed/.test(e.message), query);
  }
  assert.throws(() => targetPath("__proto__[x]"), (e: unknown) => e instanceof ParamsError);
  assert.is(({} as Record<string, unknown>).x, undefined);
});
params("depth, key count and length are capped, with the key and the limit in the message", () => {
  const limits = { depth: 3, keys: 2, length: 20 };
  assert.equal(plain(decodeForm("a[b][c]=1", limits)), { a: { b: { c: "1" } } });
  assert.throws(() => decodeForm("a[b][c][d]=1", limits), /parameter "a\[b\]\[c\]\[d\]" is nested more than 3 levels deep/);
  assert.throws(() => decodeForm("a=1&b=2&c=3", limits), /more than 2 parameters/);
  assert.throws(() => decodeForm("a=" + "x".repeat(30), limits), /32 characters long, more than the limit of 20/);
  // A key far past the depth limit is refused without walking it (and its quote is cut short).
  assert.throws(() => decodeForm(`a${"[][x]".repeat(100_000)}=1`), (e: unknown) => e instanceof ParamsError && e.message.length < 200);
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
tokens("the prepared HMAC is RFC 2104's, byte for byte, whatever the key's and the message's length and characters", () => {
  const keys = ["0123456789abcdef", "k".repeat(63) + "é", "x".repeat(64), "a longer key than one SHA-256 block: ".repeat(3), "clé secrète ✓ 0123456789"];
  const messages = ["", "eyJkIjoxfQ", "ü ✓ \0 and more", "m".repeat(5000), "big".repeat(30_000)];
  for (const key of keys) {
    const hmac = new HmacSha256(key);
    // Twice over, so that a buffer kept from a longer message cannot leak into a shorter one.
    for (const message of [...messages, ...messages.slice().reverse()]) {
      const expected = createHmac("sha256", key).update("a salt").update("\0").update(message).digest("base64url");
      assert.is(hmac.mac("a salt", message), expected, `key ${key.length} chars, message ${message.length} chars`);
    }
  }
});
tokens("a token signed by the previous implementation (createHmac) still verifies; one with another salt's MAC does not", () => {
  const secret = "0123456789abcdef0123";
  const payload = Buffer.from(JSON.stringify({ d: { a: 1 }, t: 1_000, m: 1_000 })).toString("base64url");
  const mac = (salt: string) => createHmac("sha256", secret).update(salt).update("\0").update(payload).digest("base64url");
  const signer = new TokenSigner(secret);
  assert.equal(signer.verify("s", `${payload}.${mac("s")}`, 1_500), { ok: true, data: { a: 1 } });
  assert.equal(signer.verify("s", `${payload}.${mac("t")}`, 1_500), { ok: false, reason: "invalid" });
  assert.is(signer.sign("s", { a: 1 }, 1_000, 1_000), `${payload}.${mac("s")}`);
  // The envelope is JSON.stringify({ d, t, m })'s, whatever the data and lifetime.
  const envelope = (token: string) => Buffer.from(token.split(".")[0]!, "base64url").toString();
  for (const [data, maxAge] of [[{ a: [1, "é"], b: null }, 5], ["text", 5], [undefined, 5], [{ a: 1 }, Infinity]] as const) {
    assert.is(envelope(signer.sign("s", data, maxAge, 7)), JSON.stringify({ d: data, t: 7, m: maxAge }));
  }
  // Payloads are encoded through a kept buffer of 4096 bytes: any length and any characters
  // around its end (multi-byte ones cut at the edge), then a short one, come out whole.
  for (const length of [4070, 4080, 4085, 4086, 4087, 4088, 4090, 4100, 9000]) {
    for (const filler of ["a", "é", "✓", "😀"]) {
      const data = { s: filler.repeat(Math.ceil(length / Buffer.byteLength(filler))) };
      const token = signer.sign("s", data, 5, 7);
      assert.is(envelope(token), JSON.stringify({ d: data, t: 7, m: 5 }), `${length} bytes of ${filler}`);
      assert.equal(signer.verify("s", token, 8), { ok: true, data });
    }
  }
  assert.is(signer.sign("s", { a: 1 }, 1_000, 1_000), `${payload}.${mac("s")}`);
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
