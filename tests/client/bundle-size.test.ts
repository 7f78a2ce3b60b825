// The served browser client stays within its size budgets (min+gzip, as the benchmark prints
// them): client.js, and client.js with every module it loads on demand. Builds are
// deterministic, so these are plain assertions, not measurements.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { clientSizes, CLIENT_SIZE_BUDGET } from "../../scripts/build-client.mjs";

test("the client, with the modules it loads on demand, is within its min+gzip budgets", async () => {
  const { entry, chunks, total } = await clientSizes();
  assert.ok(chunks.length > 0, "the client loads some of its modules on demand");
  const hint = "look at what grew (esbuild --analyze)";
  assert.ok(entry.gzip <= CLIENT_SIZE_BUDGET.entry, `client.js is ${entry.gzip} bytes min+gzip, over its budget of ${CLIENT_SIZE_BUDGET.entry}: ${hint}`);
  assert.ok(total.gzip <= CLIENT_SIZE_BUDGET.total, `the client with its lazily loaded modules is ${total.gzip} bytes min+gzip, over its budget of ${CLIENT_SIZE_BUDGET.total}: ${hint}`);
});

test.run();
