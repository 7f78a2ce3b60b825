// URL sanitising (runtime/shared/url.ts): values judged as the browser's URL parser reads them.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { isSafeUrl, normalizeUrl, REFUSED_URL, safeUrl, settlesSafeUrl, srcsetUrls, urlKind, urlScheme } from "../../runtime/shared/url.ts";

const test = suite("url");

test("script schemes are refused in every spelling the browser accepts", () => {
  const refused = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "\u0001\u0002\u001f javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\rscript:alert(1)",
    "\tj\na\rv\ta\nscript\t:alert(1)",
    "javascript:alert(1)\u0000 ",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "data:image/svg+xml,<svg onload=alert(1)>",
    " d\ta\nta:text/html,x",
  ];
  for (const url of refused) {
    assert.not.ok(isSafeUrl(url), JSON.stringify(url));
    assert.is(safeUrl(url), REFUSED_URL, JSON.stringify(url));
  }
});

test("ordinary URLs pass unchanged", () => {
  const kept = [
    "/users/1", "users/1", "#top", "?q=javascript:x", "./a", "../b", "//example.com/x",
    "https://example.com/?next=javascript:alert(1)", "http://x", "mailto:a@b.c", "tel:+1",
    "", "javascript", "javascript/alert:1", "jav&#x61;script:alert(1)", "javascript&colon;alert(1)",
    "java\u0000script:alert(1)", "\u00a0javascript:alert(1)", "ｊavascript:alert(1)",
  ];
  for (const url of kept) assert.is(safeUrl(url), url, JSON.stringify(url));
});

test("data: raster images pass only where an image is expected", () => {
  const png = "data:image/png;base64,iVBORw0KGgo=";
  assert.is(safeUrl(png, "image"), png);
  assert.is(safeUrl(" DATA:IMAGE/JPEG,x", "image"), " DATA:IMAGE/JPEG,x");
  assert.is(safeUrl(png, "url"), REFUSED_URL);
  assert.is(safeUrl("data:image/svg+xml,<svg onload=alert(1)>", "image"), REFUSED_URL);
  assert.is(safeUrl("data:text/html,x", "image"), REFUSED_URL);
  assert.is(safeUrl("javascript:alert(1)", "image"), REFUSED_URL);
});

test("srcset and ping judge every URL they hold", () => {
  assert.equal(srcsetUrls("a.png 1x, b.png 2x"), ["a.png", "b.png"]);
  assert.equal(srcsetUrls("data:image/png;base64,AA== 1x,c.png"), ["data:image/png;base64,AA==", "c.png"]);
  assert.equal(srcsetUrls("a.png,, b.png (w) 100w"), ["a.png", "b.png"]);
  assert.is(safeUrl("a.png 1x, b.png 2x", "srcset"), "a.png 1x, b.png 2x");
  assert.is(safeUrl("a.png 1x, javascript:alert(1) 2x", "srcset"), REFUSED_URL);
  assert.is(safeUrl("data:image/gif;base64,R0l= 1x", "srcset"), "data:image/gif;base64,R0l= 1x");
  assert.is(safeUrl("/a /b", "list"), "/a /b");
  assert.is(safeUrl("/a javascript:alert(1)", "list"), REFUSED_URL);
});

test("normalizeUrl strips edges and removes tabs and newlines as the URL parser does", () => {
  assert.is(normalizeUrl("\u0000 \tja\nva\rs \u001f"), "javas");
  assert.is(normalizeUrl("a\u0001b"), "a\u0001b");
});

test("a static beginning settles a URL only when no substitution can change the scheme", () => {
  for (const prefix of ["/", "/u/", "#", "?x=", "./", "https://example.com/", "mailto:", "a b", "a/b", " /x", "javascript/"]) {
    assert.ok(settlesSafeUrl(prefix, "url"), JSON.stringify(prefix));
  }
  for (const prefix of ["", " ", "\u0001", "java", "javascript:", "JAVA\tSCRIPT:", "data:", "vbscript:", "https", "java\t", "java "]) {
    assert.not.ok(settlesSafeUrl(prefix, "url"), JSON.stringify(prefix));
  }
  assert.not.ok(settlesSafeUrl("/a.png ", "srcset"));
});

test("urlKind knows URL attributes and where images are expected", () => {
  assert.is(urlKind("a", "href"), "url");
  assert.is(urlKind("a", "HREF"), "url");
  assert.is(urlKind("img", "src"), "image");
  assert.is(urlKind("iframe", "src"), "url");
  assert.is(urlKind(null, "src"), "url");
  assert.is(urlKind("use", "xlink:href"), "url");
  assert.is(urlKind("image", "href"), "image");
  assert.is(urlKind("object", "data"), "url");
  assert.is(urlKind("div", "data"), null);
  assert.is(urlKind("video", "poster"), "image");
  assert.is(urlKind("form", "action"), "url");
  assert.is(urlKind("button", "formaction"), "url");
  assert.is(urlKind("img", "srcset"), "srcset");
  assert.is(urlKind("a", "ping"), "list");
  assert.is(urlKind("a", "title"), null);
  assert.is(urlKind("a", "data-href"), null);
});

test("SVG animations: to, from, by and values are URLs (they may set an href), each of values judged", () => {
  for (const tag of ["animate", "set", "animatemotion"]) {
    for (const name of ["to", "from", "by"]) assert.is(urlKind(tag, name), "url", `${tag} ${name}`);
    assert.is(urlKind(tag, "values"), "values", `${tag} values`);
  }
  assert.is(urlKind("rect", "to"), null);
  assert.is(safeUrl("javascript:alert(1)", urlKind("set", "to")!), REFUSED_URL);
  assert.is(safeUrl("/a; \tJaVaScRiPt:alert(1)", "values"), REFUSED_URL);
  assert.is(safeUrl("0;10;0", "values"), "0;10;0");
  assert.is(safeUrl("/a;https://example.com/b", "values"), "/a;https://example.com/b");
});

test("<meta content> is judged as a refresh's URL when it is one", () => {
  assert.is(urlKind("meta", "content"), "refresh");
  assert.is(urlKind("div", "content"), null);
  const refused = [
    "0;url=javascript:alert(1)",
    "0; URL = 'javascript:alert(1)'",
    " 5 , url=\"data:text/html,<script>alert(1)</script>\"",
    "1.5;Url=  \tjava\tscript:alert(1)",
    "0 javascript:alert(1)",
    "0;vbscript:x",
    // As rendered: escaped quotes are still quotes to the browser.
    "0;url=&#39;javascript:alert(1)&#39;",
  ];
  for (const content of refused) assert.is(safeUrl(content, "refresh"), REFUSED_URL, JSON.stringify(content));
  const kept = ["0;url=/next", "30", "5; url=https://example.com/", "javascript: the good parts", "width=device-width", "x;url=javascript:alert(1)"];
  for (const content of kept) assert.is(safeUrl(content, "refresh"), content, JSON.stringify(content));
});

test("urlScheme reads the scheme the browser reads", () => {
  assert.is(urlScheme(" \u0001Ja\tVa\nScript:x"), "javascript");
  assert.is(urlScheme("HTTPS://x"), "https");
  assert.is(urlScheme("/a:b"), null);
  assert.is(urlScheme("a b:c"), null);
  assert.is(urlScheme(":x"), null);
});

test.run();
