import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppContext } from "../context";

export type ChorusApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** Each module exports one of these from its routes.ts; app.ts registers them all. */
export type RouteModule = (app: ChorusApp, ctx: AppContext) => void;

export interface RouteEntry {
  method: string;
  url: string;
  auth: "public" | "user" | "member" | undefined;
}
