import { bigserial, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, orgId } from "../columns";

/**
 * Append-only: rows are inserted in the same transaction as the change they record and never
 * updated. `metadata` carries ids, codes and the names of changed fields — never patient free text.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: orgId(),
    actorId: uuid("actor_id"),
    actorType: text("actor_type").notNull().$type<"staff" | "system" | "patient">(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    // an entity's history on its page
    index("audit_log_entity_idx").on(t.orgId, t.entityType, t.entityId, t.createdAt),
  ],
);

export type AuditEntry = typeof auditLog.$inferSelect;
