// A connected mount answers its join once the pubsub subscriptions it made receive other
// processes' broadcasts (`PubSub.ready`): a broadcast sent as soon as the page is live is not
// missed. The wait is bounded, so an adapter whose backend is away delays a join, never holds it.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { MemoryPubSub, type PubSub } from "../../runtime/server/index.ts";
import { getPage, joinCounter, startApp, status } from "./helpers/live-app.ts";
import { readPage, TestSocket } from "./helpers/client.ts";

/** The counter view subscribes to "feed" when connected with `?feed=1`. */
const FEED = "/counter?feed=1";

/** An in-memory pubsub whose subscriptions are confirmed only when the test says so. */
class SlowPubSub extends MemoryPubSub implements PubSub {
  readyCalls = 0;
  #confirm: (() => void) | null = null;
  #confirmed = Promise.resolve();
  #asked: () => void = () => {};
  /** Settles when a mount first asks `ready()`: the test waits for it rather than for a fixed time, which a loaded machine can outlast. */
  readonly asked = new Promise<void>((resolve) => (this.#asked = resolve));
  override subscribe(topic: string, listener: (message: unknown) => void) {
    this.#confirmed = new Promise((resolve) => (this.#confirm = resolve));
    return super.subscribe(topic, listener);
  }
  ready(): Promise<void> {
    this.readyCalls++;
    this.#asked();
    return this.#confirmed;
  }
  confirm(): void {
    this.#confirm?.();
  }
}

function timeLimit<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

test("the join is answered after the view's subscriptions are confirmed", async () => {
  const pubsub = new SlowPubSub();
  const app = await startApp({ pubsub });
  try {
    let answered = false;
    const joining = joinCounter(app, FEED).then((joined) => ((answered = true), joined));
    // Awaited below; if the test fails first, the join's end (the server is closed) must not end the process.
    joining.catch(() => {});
    await timeLimit(pubsub.asked, 10_000, "the connected mount never asked whether its subscriptions are in effect");
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.not.ok(answered, "the join waited for the subscription");
    pubsub.confirm();
    const { socket, reply } = await joining;
    assert.is(status(reply), "ok");
    socket.close();
  } finally {
    await app.server.close();
  }
});

test("a subscription never confirmed delays the join by the bound only", async () => {
  const pubsub = new SlowPubSub();
  const app = await startApp({ pubsub });
  try {
    const page = readPage((await getPage(app, FEED)).html);
    const socket = await TestSocket.open(app.port, { _csrf_token: page.csrf });
    const started = performance.now();
    const join = { url: `${app.origin}${FEED}`, params: { _csrf_token: page.csrf, _mounts: 0 }, session: page.session, static: page.static };
    const reply = await socket.push("1", `lv:${page.id}`, "phx_join", join, 10_000);
    assert.is(status(reply), "ok");
    assert.ok(performance.now() - started >= 1900, "the join waited for the bound before it was answered");
    socket.close();
  } finally {
    await app.server.close();
  }
});

test("a view that subscribes to nothing does not ask", async () => {
  const pubsub = new SlowPubSub();
  const app = await startApp({ pubsub });
  try {
    const { socket, reply } = await joinCounter(app);
    assert.is(status(reply), "ok");
    assert.is(pubsub.readyCalls, 0);
    socket.close();
  } finally {
    await app.server.close();
  }
});

test.run();
