import type { OpenApiDocument } from "./openapi-document.ts";

/**
 * A self-contained API reference rendered on the server from the OpenAPI document: no
 * scripts, no CDN, so it works offline on a Raspberry Pi and under a strict CSP.
 */
export function renderDocsPage(document: OpenApiDocument): string {
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
  );
  const sections = operations.map(({ path, method, operation }) => {
    const summary = String(operation.summary ?? "");
    const details = JSON.stringify(
      {
        parameters: operation.parameters,
        requestBody: operation.requestBody,
        responses: operation.responses,
      },
      null,
      2,
    );
    return `<section id="${escapeHtml(String(operation.operationId))}">
  <h2><span class="method ${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code></h2>
  <p>${escapeHtml(summary)}</p>
  <details><summary>Parameters, body and responses</summary><pre>${escapeHtml(details)}</pre></details>
</section>`;
  });
  const componentList = JSON.stringify(document.components.schemas, null, 2);
  const info = document.info as { title: string; version: string; description: string };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(info.title)} reference</title>
<style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2933}
section{border-top:1px solid #d9e2ec;padding:.5rem 0}
.method{display:inline-block;min-width:4.5rem;padding:.1rem .4rem;border-radius:.3rem;color:#fff;background:#486581;font-size:.8em}
.get{background:#2f855a}.post{background:#2b6cb0}.patch{background:#b7791f}.delete{background:#c53030}
pre{background:#f0f4f8;padding:.75rem;overflow:auto;font-size:.85em}
</style></head>
<body>
<h1>${escapeHtml(info.title)} <small>${escapeHtml(info.version)}</small></h1>
<p>${escapeHtml(info.description)} Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p>
${sections.join("\n")}
<h2>Schemas</h2>
<pre>${escapeHtml(componentList)}</pre>
</body></html>`;
}

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}
