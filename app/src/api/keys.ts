/**
 * Query key prefixes. The server's live "invalidate" events name these same prefixes,
 * so they are part of the API contract: rename only together with the server.
 */
export const keys = {
  session: ["session"] as const,
  setup: ["setup"] as const,
  organisation: ["organisation"] as const,
  members: ["members"] as const,
  invitations: ["invitations"] as const,
  tokens: ["tokens"] as const,
  audit: ["audit"] as const,
  auditNames: ["audit", "names"] as const,
  /** Source changes, status and ingested counts ("mentions.*" events invalidate it too). */
  sources: ["sources"] as const,
  /** Connector catalogue; static for a running server, so nothing invalidates it. */
  sourceKinds: ["source-kinds"] as const,
  imports: ["imports"] as const,
  /** Topics with their backfill progress ("topic.*" and "backfill.*" events). */
  topics: ["topics"] as const,
  /** Query checks and previews while editing; deliberately outside "topics" so live events don't re-run them. */
  topicQuery: ["topic-query"] as const,
  /** Dashboard figures ("mentions.*" and "alert*" events). */
  dashboards: ["dashboards"] as const,
  /** The mention stream and one mention ("mentions.*" events). */
  mentions: ["mentions"] as const,
};
