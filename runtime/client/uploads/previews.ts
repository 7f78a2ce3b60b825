// `<.liveImgPreview>`: an <img data-phx-entry-ref> shows the chosen file of its entry, read by
// the browser (an object URL, released when the image leaves the page).
import { fileOf } from "./files.ts";

const urls = new Map<HTMLImageElement, string>();

function show(img: HTMLImageElement): void {
  if (urls.has(img)) return;
  const input = document.getElementById(img.getAttribute("data-phx-upload-ref") ?? "");
  const file = input instanceof HTMLInputElement ? fileOf(input, img.getAttribute("data-phx-entry-ref") ?? "") : undefined;
  if (!file) return;
  const url = URL.createObjectURL(file);
  urls.set(img, url);
  img.src = url;
}

function scan(): void {
  for (const img of Array.from(document.querySelectorAll<HTMLImageElement>("img[data-phx-entry-ref]"))) show(img);
  for (const [img, url] of urls) {
    if (img.isConnected) continue;
    URL.revokeObjectURL(url);
    urls.delete(img);
  }
}

export function watchPreviews(): void {
  new MutationObserver(scan).observe(document.body, { childList: true, subtree: true });
  scan();
}
