export * from "./ast";
export * from "./errors";
export { type EvalResult, evaluate, type Span } from "./evaluate";
export { format } from "./format";
export { type ParseResult, parse } from "./parser";
