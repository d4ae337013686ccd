export { fold, normaliseUrl } from "./fold";
export { type PreparedPost, preparePost, termIndex } from "./prepare";
export { TokenKind, type TokenizeOptions, type Tokens, tokenize } from "./tokenize";
