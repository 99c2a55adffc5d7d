import { describe, expect, test } from "vitest";
import { useTestServer } from "../../test/test-server.ts";

const server = useTestServer();

interface Document {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown> };
}

describe("OpenAPI document and reference page", () => {
  test("lists full paths with schemas generated from the contracts", async () => {
    const response = await fetch(`${server().url}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as Document;
    expect(document.openapi).toBe("3.1.0");
    const status = document.paths["/api/v1/status"]?.get;
    expect(status?.responses["200"]).toMatchObject({
      content: { "application/json": { schema: { $ref: "#/components/schemas/SystemStatus" } } },
    });
    expect(document.components.schemas.SystemStatus).toMatchObject({
      type: "object",
      required: ["version", "uptimeSeconds", "database", "migrations"],
    });
    expect(document.components.schemas.ErrorEnvelope).toBeDefined();
  });

  test("/docs renders every operation without external resources", async () => {
    const response = await fetch(`${server().url}/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    expect(html).toContain("/api/v1/status");
    expect(html).not.toMatch(/<script|https?:\/\/(?!json-schema)/);
  });
});
