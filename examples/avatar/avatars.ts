// Saved avatars, standing in for a store: each user's image bytes and type, in memory, served
// by the example server at /avatars/<user>.
export interface Avatar {
  readonly bytes: Buffer;
  readonly type: string;
  /** Changes with every save, so that the page's <img> URL changes too. */
  readonly version: number;
}

const avatars = new Map<string, Avatar>();

export function saveAvatar(userId: string, bytes: Buffer, type: string): Avatar {
  const avatar = { bytes, type, version: (avatars.get(userId)?.version ?? 0) + 1 };
  avatars.set(userId, avatar);
  return avatar;
}

export function avatarOf(userId: string): Avatar | undefined {
  return avatars.get(userId);
}

/** The URL the page shows a user's avatar at, or null before the first save. */
export function avatarURL(userId: string): string | null {
  const avatar = avatars.get(userId);
  return avatar ? `/avatars/${encodeURIComponent(userId)}?v=${avatar.version}` : null;
}
