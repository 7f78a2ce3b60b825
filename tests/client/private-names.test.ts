// The client's build shortens private member names only where the name means nothing else in
// the sources: shortening a name that is also a DOM, wire or API field would break the bundle.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { privateNames } from "../../scripts/client-private-names.mjs";

test("private members used only through this qualify; any other use of the name excludes it", () => {
  const dir = mkdtempSync(join(tmpdir(), "private-names-"));
  try {
    writeFileSync(join(dir, "a.ts"), `
      export class A {
        private only = 1;
        private alsoDom = 2;
        private alsoKey = 3;
        private alsoString = 4;
        constructor(private readonly param: number) {}
        private helper(): number { return this.only + this.param + this.alsoDom; }
        public open = 5;
        run(): unknown { return [this.helper(), this.alsoKey, this.alsoString]; }
      }
    `);
    writeFileSync(join(dir, "b.ts"), `
      export const use = (el: { alsoDom: number }) => el.alsoDom;
      export const payload = { alsoKey: 1 };
      export const field = "alsoString";
      export const { open } = { open: 1 };
    `);
    assert.equal(privateNames([dir]), ["helper", "only", "param"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
