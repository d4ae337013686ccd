export { fold, normaliseUrl } from "./fold";
export { type PreparedPost, preparePost } from "./prepare";
export { type TokenizeOptions, TokenKind, type Tokens, tokenize } from "./tokenize";
