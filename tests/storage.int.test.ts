import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGowaMediaFetcher } from "../src/integrations/gowa/media";
import { createDiskStorage } from "../src/integrations/storage/disk";
import { createMinioStorage } from "../src/integrations/storage/minio";
import type { ObjectStorage } from "../src/integrations/storage/types";

const voiceNote = new Uint8Array([0x4f, 0x67, 0x67, 0x53, 0, 2, 0, 0, 1, 2, 3]);

function storageContract(name: string, make: () => ObjectStorage) {
  describe(name, () => {
    it("gives back exactly what was put, with its content type", async () => {
      const storage = make();
      await storage.put("org-1/msg-1.ogg", voiceNote, "audio/ogg");
      expect(await storage.get("org-1/msg-1.ogg")).toEqual({ data: voiceNote, contentType: "audio/ogg" });
    });
    it("answers null for a key it does not have", async () => {
      expect(await make().get("org-1/none.ogg")).toBeNull();
    });
    it("refuses keys that climb out of their folder", async () => {
      await expect(make().put("../etc/passwd", voiceNote, "text/plain")).rejects.toThrow(/storage key/);
    });
  });
}

const diskRoot = mkdtempSync(path.join(tmpdir(), "careloop-disk-"));
storageContract("disk storage", () => createDiskStorage(diskRoot));

// s3rver speaks S3 for the minio client (it checks no signatures)
let s3: S3rver;
let s3Endpoint = "";
const s3Dir = mkdtempSync(path.join(tmpdir(), "careloop-s3-"));
beforeAll(async () => {
  s3 = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: s3Dir });
  const address = (await s3.run()) as AddressInfo;
  s3Endpoint = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await s3?.close();
  rmSync(s3Dir, { recursive: true, force: true });
  rmSync(diskRoot, { recursive: true, force: true });
});
storageContract("MinIO storage (against s3rver)", () =>
  createMinioStorage({ endpoint: s3Endpoint, accessKey: "S3RVER", secretKey: "S3RVER", bucket: "careloop-media" }),
);

describe("GOWA media fetcher", () => {
  it("fetches from GOWA's media folder with basic auth, and nothing outside it", async () => {
    let seenAuth = "";
    const server = createServer((req, res) => {
      seenAuth = req.headers.authorization ?? "";
      if (req.url === "/statics/media/1700-abc.ogg") {
        res.writeHead(200, { "content-type": "audio/ogg" });
        res.end(Buffer.from(voiceNote));
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const fetchMedia = createGowaMediaFetcher({ baseUrl: base, username: "admin", password: "pw" });
      expect(await fetchMedia("statics/media/1700-abc.ogg")).toEqual({ data: voiceNote, contentType: "audio/ogg" });
      expect(seenAuth).toBe(`Basic ${Buffer.from("admin:pw").toString("base64")}`);
      expect(await fetchMedia("statics/media/missing.ogg")).toBeNull();
      expect(await fetchMedia("../../etc/passwd")).toBeNull();
      expect(await fetchMedia("http://evil.example/x")).toBeNull();
    } finally {
      server.close();
    }
  });
});
