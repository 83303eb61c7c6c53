import type { DbOrTx } from "@/db/client";
import { auditLog } from "@/db/schema";

export type AuditInput = {
  orgId: string;
  actorId: string | null;
  actorType: "staff" | "system" | "patient";
  action: string;
  entityType: string;
  entityId: string;
  /** Ids, codes and changed field names only: never patient free text. */
  metadata?: Record<string, unknown>;
};

/** Call with the transaction that makes the change, so the entry exists exactly when the change does. */
export async function insertAuditEntry(tx: DbOrTx, entry: AuditInput): Promise<void> {
  await tx.insert(auditLog).values({ ...entry, metadata: entry.metadata ?? {} });
}
