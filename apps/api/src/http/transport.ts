/** Whether the client reached us over TLS, directly or through a trusted reverse proxy. */
export function isTls(request: Request, trustProxy: boolean): boolean {
  const forwarded = trustProxy ? request.headers.get("x-forwarded-proto") : null;
  return (forwarded ?? new URL(request.url).protocol.replace(":", "")) === "https";
}
