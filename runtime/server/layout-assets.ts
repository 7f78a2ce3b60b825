// What the default root layout puts in every page's <head> besides the client script:
//
// - STATUS_STYLE: a banner while a view is not connected. The client marks a view's container
//   with `phx-client-error` when the connection is lost and `phx-server-error` when the server
//   failed it (both clear on a successful rejoin): a fixed banner over the page says so.
// - ERROR_OVERLAY_SCRIPT: in development the server pushes the event `livehtml:error` when a
//   view crashes (`{ view, where, message, location, frame, stack }`, see view-runtime.ts); a
//   client dispatches pushed events on window as `phx:<name>` (the official one does), and this
//   listener shows the report over the page until it is clicked away. Kept inline and
//   client-agnostic so that any client dispatching that event gets the overlay.
export const STATUS_STYLE = `<style>
[data-phx-session].phx-client-error::before,[data-phx-session].phx-server-error::before{position:fixed;inset:0 0 auto 0;z-index:2147483646;padding:.5rem 1rem;background:#b42318;color:#fff;font:600 14px/1.4 system-ui,sans-serif;text-align:center;content:"Connection lost \\2014  reconnecting\\2026"}
[data-phx-session].phx-server-error::before{background:#b54708;content:"The server failed this page \\2014  reconnecting\\2026"}
#livehtml-error-overlay{position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;background:rgba(24,24,27,.94);color:#fafafa;font:13px/1.5 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;cursor:pointer}
#livehtml-error-overlay b{color:#fda29b;font-size:15px}
</style>
`;

export const ERROR_OVERLAY_SCRIPT = `<script>
addEventListener("phx:livehtml:error", function (e) {
  var d = e.detail || {}, o = document.getElementById("livehtml-error-overlay") || document.createElement("pre");
  o.id = "livehtml-error-overlay";
  o.title = "Click to close";
  o.textContent = "";
  var h = document.createElement("b");
  h.textContent = (d.view ? d.view + " crashed in " + d.where + ": " : "") + (d.message || "error");
  o.append(h, "\\n\\n" + (d.location ? d.location + "\\n" : "") + (d.frame ? d.frame + "\\n\\n" : "") + (d.stack || ""));
  o.onclick = function () { o.remove(); };
  document.body.append(o);
});
</script>
`;
