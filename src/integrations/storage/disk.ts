import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { type ObjectStorage, assertSafeKey } from "./types";

/** Files under a directory (the default, `.data/media`): no service to run. */
export function createDiskStorage(root: string): ObjectStorage {
  const fileOf = (key: string) => {
    assertSafeKey(key);
    return path.join(root, key);
  };
  return {
    kind: "disk",
    async put(key, data, contentType) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, data);
      await writeFile(`${file}.type`, contentType);
    },
    async get(key) {
      const file = fileOf(key);
      try {
        const [data, contentType] = await Promise.all([readFile(file), readFile(`${file}.type`, "utf8").catch(() => "application/octet-stream")]);
        return { data: new Uint8Array(data), contentType };
      } catch (error) {
        if ((error as { code?: string }).code === "ENOENT") return null;
        throw error;
      }
    },
  };
}
