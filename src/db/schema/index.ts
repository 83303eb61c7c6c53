export * from "./organisations";
export * from "./staff-users";
export * from "./patients";
export * from "./audit-log";
