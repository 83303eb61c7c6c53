export * from "./organisations";
export * from "./staff-users";
export * from "./patients";
export * from "./audit-log";
export * from "./webhook-inbox";
export * from "./messages";
export * from "./escalations";
export * from "./unknown-senders";
