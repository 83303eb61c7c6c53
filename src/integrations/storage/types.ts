/** Where WhatsApp media (voice notes, photos, documents) is kept once fetched from GOWA. */
export interface ObjectStorage {
  readonly kind: "disk" | "s3";
  put(key: string, data: Uint8Array, contentType: string): Promise<void>;
  /** The object's bytes, or null when there is no such key. */
  get(key: string): Promise<{ data: Uint8Array; contentType: string } | null>;
}

/** Keys are ours (`<org>/<message>.ogg`), but never let one climb out of its folder. */
export function assertSafeKey(key: string): void {
  if (!/^[A-Za-z0-9._\-/]+$/.test(key) || key.split("/").some((part) => part === ".." || part === "")) {
    throw new Error("storage key: only letters, digits, '.', '_', '-' and '/' between non-empty parts");
  }
}
