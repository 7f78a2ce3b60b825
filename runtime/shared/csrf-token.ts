// The page's CSRF token while a view renders, for components that post over plain HTTP
// (`<.form action>`, `<.link method>`): the token the layout puts in `<meta name="csrf-token">`
// and the client sends with its join. Renders are synchronous, so one is current at a time.
let current: string | null = null;

/** Runs `render` with `token` as the page's CSRF token; restores the previous one after. */
export function withCsrfToken<T>(token: string | null, render: () => T): T {
  const previous = current;
  current = token;
  try {
    return render();
  } finally {
    current = previous;
  }
}

/** The page's CSRF token during a view's render; null outside one (`renderToString`, tests of a template alone). */
export function pageCsrfToken(): string | null {
  return current;
}
