export * from "./enums";
export * from "./people";
export * from "./plans";
export * from "./feedback";
export * from "./monitoring";
export * from "./system";
