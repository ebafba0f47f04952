export * from "./contract.ts";
export * from "./counts.ts";
export * from "./dates.ts";
export * from "./ids.ts";
export * from "./incident.ts";
export * from "./organisation.ts";
export * from "./schema.ts";
