// A slow source for the async sample: answers after a while, or stops when the view goes away.
export interface Org {
  name: string;
}

export function fetchOrg(slug: string, signal: AbortSignal): Promise<Org> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve({ name: slug.toUpperCase() }), 500);
    signal.addEventListener("abort", () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });
}
