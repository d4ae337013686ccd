export { fold, normaliseUrl } from "./fold";
export { type PreparedPost, preparePost } from "./prepare";
export { TokenKind, type TokenizeOptions, type Tokens, tokenize } from "./tokenize";
