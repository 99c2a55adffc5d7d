export interface CallOptions {
  body?: unknown;
  /** A login or API token, sent as a bearer token. */
  token?: string;
  headers?: Record<string, string>;
}

/** A REST call to the api's /api/v1; fails the test on anything but a 2xx. */
export async function restCall<T>(
  apiUrl: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<T> {
  const response = await fetch(`${apiUrl}/api/v1${path}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { "Content-Type": "application/json" }),
      ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  // Some answers (204) have no body.
  return (text ? JSON.parse(text) : undefined) as T;
}
