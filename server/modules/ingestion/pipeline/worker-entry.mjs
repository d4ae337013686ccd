// Worker threads start from plain JS: Node 20 does not apply --import loaders to a .ts entry,
// so register tsx here and load the TypeScript worker through it.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
