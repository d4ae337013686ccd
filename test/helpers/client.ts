import type { ChorusApp } from "../../server/http/types";

export interface TestResponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

/**
 * A browser-like client over app.inject: keeps the session cookie, sends the CSRF token on
 * writes (unless told not to), or authenticates with a bearer token instead.
 */
export class TestClient {
  cookie: string | null = null;
  csrfToken: string | null = null;
  bearer: string | null = null;

  constructor(private readonly app: ChorusApp) {}

  async request<T = any>(
    method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
    url: string,
    body?: unknown,
    options: { csrf?: boolean; headers?: Record<string, string>; rawBody?: string } = {},
  ): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    if (method !== "GET" && this.csrfToken && options.csrf !== false)
      headers["x-csrf-token"] = this.csrfToken;
    let payload: string | undefined = options.rawBody;
    if (body !== undefined) payload = JSON.stringify(body);
    if (payload !== undefined && !headers["content-type"]) headers["content-type"] = "application/json";
    const response = await this.app.inject({ method, url, headers, payload });
    const setCookie = response.headers["set-cookie"];
    for (const line of [setCookie ?? []].flat()) {
      const [pair] = line.split(";");
      if (pair?.startsWith("chorus_session=")) this.cookie = pair.endsWith("=") ? null : pair;
    }
    let parsed: unknown = response.body;
    if (String(response.headers["content-type"] ?? "").includes("json") && response.body)
      parsed = JSON.parse(response.body);
    const result = { status: response.statusCode, body: parsed as T, headers: response.headers };
    if (result.status < 300 && parsed && typeof parsed === "object" && "csrfToken" in parsed) {
      this.csrfToken = (parsed as { csrfToken: string }).csrfToken;
    }
    return result;
  }

  get<T = any>(url: string, options?: { headers?: Record<string, string> }) {
    return this.request<T>("GET", url, undefined, options);
  }
  post<T = any>(
    url: string,
    body?: unknown,
    options?: { csrf?: boolean; headers?: Record<string, string>; rawBody?: string },
  ) {
    return this.request<T>("POST", url, body, options);
  }
  patch<T = any>(url: string, body?: unknown) {
    return this.request<T>("PATCH", url, body);
  }
  put<T = any>(url: string, body?: unknown) {
    return this.request<T>("PUT", url, body);
  }
  delete<T = any>(url: string) {
    return this.request<T>("DELETE", url);
  }

  async login(email: string, password: string) {
    const response = await this.post("/api/auth/login", { email, password });
    if (response.status !== 200)
      throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }
}
