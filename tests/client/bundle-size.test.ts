// The served browser client stays within its size budget (min+gzip, as the benchmark prints
// it). Builds are deterministic, so this is a plain assertion, not a measurement.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { gzipSync } from "node:zlib";
import { bundleClient, CLIENT_SIZE_BUDGET } from "../../scripts/build-client.mjs";

test("the client bundle is within its min+gzip budget", async () => {
  const { code } = await bundleClient();
  const bytes = gzipSync(code.replace(/\/\/# sourceMappingURL=.*\n$/, ""), { level: 9 }).length;
  assert.ok(bytes <= CLIENT_SIZE_BUDGET, `the client is ${bytes} bytes min+gzip, over its budget of ${CLIENT_SIZE_BUDGET}: look at what grew (esbuild --analyze)`);
});

test.run();
