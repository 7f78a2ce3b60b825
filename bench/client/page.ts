// The in-page side of the client benchmark: a fake WebSocket that answers the join with the
// recorded render and lets the harness hand frames to the client, the direct DOM peer, and a
// canonical form of the table for comparing the three pages' DOMs.

/** Installed before any page script (playwright `addInitScript`). */
export const MOCK_SOCKET = `
(() => {
  class BenchSocket {
    static CONNECTING = 0; static OPEN = 1; static CLOSING = 2; static CLOSED = 3;
    constructor() {
      this.readyState = 0;
      window.__socket = this;
      setTimeout(() => { this.readyState = 1; this.onopen && this.onopen({}); }, 0);
    }
    send(data) {
      const [joinRef, ref, topic, event] = JSON.parse(data);
      let response = {};
      if (event === "phx_join") {
        window.__join = { joinRef, topic };
        response = { rendered: window.__rendered, liveview_version: "1.2.12" };
      }
      const reply = JSON.stringify([joinRef, ref, topic, "phx_reply", { status: "ok", response }]);
      setTimeout(() => this.onmessage && this.onmessage({ data: reply }), 0);
    }
    close() { this.readyState = 3; }
  }
  window.WebSocket = BenchSocket;
})();
`;

/** Shared by the three pages: apply a frame, time it, and describe the table. */
export const HARNESS = `
window.__frame = (diff) => '["' + window.__join.joinRef + '",null,"' + window.__join.topic + '","diff",' + diff + ']';
window.__apply = (payload) => {
  const input = window.__prepare ? window.__prepare(payload) : payload;
  const t0 = performance.now();
  window.__deliver(input);
  const t1 = performance.now();
  document.body.offsetHeight;
  const t2 = performance.now();
  return [t1 - t0, t2 - t0];
};
window.__canon = () => {
  const out = [];
  const walk = (node) => {
    if (node.nodeType === 3) { if (node.data) out.push(node.data); return; }
    if (node.nodeType !== 1) return;
    const attrs = Array.from(node.attributes)
      .filter((a) => !a.name.startsWith("data-phx") && !(a.name === "class" && a.value === ""))
      .map((a) => a.name + '="' + a.value + '"').sort().join(" ");
    out.push("<" + node.localName + (attrs ? " " + attrs : "") + ">");
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
    out.push("</" + node.localName + ">");
  };
  walk(document.getElementById("tbody"));
  const text = out.join("");
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 16777619); }
  return { rows: document.getElementById("tbody").children.length, hash: (h >>> 0).toString(16), length: text.length };
};
`;

/** Direct DOM code doing each operation on the same markup (js-framework-benchmark vanilla style). */
export const DIRECT = `
(() => {
  const tbody = document.getElementById("tbody");
  const tpl = document.createElement("template");
  tpl.innerHTML = '<tr class=""><td class="col-md-1"> </td><td class="col-md-4"><a phx-click="select"> </a></td><td class="col-md-1"><a><span class="glyphicon glyphicon-remove" aria-hidden="true"></span></a></td><td class="col-md-6"></td></tr>';
  const proto = tpl.content.firstChild;
  let rows = [];
  const make = ([id, label, selected]) => {
    const tr = proto.cloneNode(true);
    tr.id = "r" + id;
    if (selected) tr.className = "danger";
    tr.firstChild.firstChild.nodeValue = id;
    const a = tr.childNodes[1].firstChild;
    a.setAttribute("phx-value-id", id);
    a.firstChild.nodeValue = label;
    return tr;
  };
  const fill = (data) => { const f = document.createDocumentFragment(); for (const r of data) { const tr = make(r); rows.push(tr); f.appendChild(tr); } tbody.appendChild(f); };
  window.__deliver = (json) => {
    const p = JSON.parse(json);
    switch (p.kind) {
      case "replace": tbody.textContent = ""; rows = []; fill(p.rows); break;
      case "append": fill(p.rows); break;
      case "labels": for (const [i, label] of p.set) rows[i].childNodes[1].firstChild.firstChild.nodeValue = label; break;
      case "classes": for (const [i, cls] of p.set) rows[i].className = cls; break;
      case "swap": { const [i, j] = p.pair; const a = rows[i], b = rows[j], after = a.nextSibling; tbody.insertBefore(a, b); tbody.insertBefore(b, after); rows[i] = b; rows[j] = a; break; }
      case "remove": rows[p.index].remove(); rows.splice(p.index, 1); break;
      case "clear": tbody.textContent = ""; rows = []; break;
    }
  };
})();
`;

export function pageHTML(body: string, script: string, rendered: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="csrf-token" content="bench">
<style>body{font-family:sans-serif;font-size:14px}.danger{background:#f2dede}td{padding:2px 6px}</style></head>
<body>${body}
<script>window.__rendered = ${rendered};</script>
<script>${HARNESS}</script>
<script type="module">${script.replace(/<\/script/g, "<\\/script")}</script>
</body></html>`;
}
