// The user store and cookie reading the live-session sample relies on.
import type { IncomingMessage } from "node:http";

export interface User {
  name: string;
}

const byToken = new Map<string, User>([["token-ann", { name: "Ann" }]]);

export const users = {
  byToken: (token: string | null): User | null => (token ? (byToken.get(token) ?? null) : null),
};

export function readCookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return null;
}
