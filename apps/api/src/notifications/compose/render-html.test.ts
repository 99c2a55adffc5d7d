import { describe, expect, test } from "vitest";
import { bookingFacts, guestFacts } from "./compose-test-support.ts";
import type { MailDocument } from "./mail-document.ts";
import { writeMail } from "./mail-templates.ts";
import { escapeHtml, renderHtml } from "./render-html.ts";
import { renderText } from "./render-text.ts";

const name = "<b>O'Brien & Co</b>";
const escaped = "&lt;b&gt;O&#39;Brien &amp; Co&lt;/b&gt;";

const document: MailDocument = {
  language: "en",
  subject: `Hello ${name}`,
  greeting: `Hello ${name},`,
  blocks: [
    { type: "paragraph", text: `${name} wrote "hi" <script>alert(1)</script>` },
    { type: "details", rows: [{ label: `By ${name}`, value: `${name}\nsecond line` }] },
    { type: "quote", label: "Notes", text: `<img src=x onerror=alert(1)>\nline 2` },
    { type: "action", label: "Open", url: 'https://example.org/a?b=1&c="2"' },
  ],
  signature: ["Kind regards", name],
  footer: "Sent automatically.",
};

describe("the HTML part", () => {
  test("escapes every string of the document, so names cannot add markup", () => {
    const html = renderHtml(document);
    expect(html).not.toContain("<b>");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain(`<title>Hello ${escaped}</title>`);
    expect(html).toContain(`Hello ${escaped},`);
    expect(html).toContain(`By ${escaped}`);
    expect(html).toContain(`${escaped}<br>second line`);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;<br>line 2");
    expect(html).toContain('href="https://example.org/a?b=1&amp;c=&quot;2&quot;"');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  });

  test("escapeHtml covers the five characters that matter in text and attributes", () => {
    expect(escapeHtml(`<>&"'`)).toBe("&lt;&gt;&amp;&quot;&#39;");
  });

  test("a booker's name from the booking is escaped in a real mail", () => {
    const facts = guestFacts({
      recipient: { email: "obrien@example.org", name },
      booker: { kind: "guest", name, email: "obrien@example.org", phone: undefined },
    });
    const html = renderHtml(writeMail(facts));
    expect(html).not.toContain("<b>");
    expect(html).toContain(`Hello ${escaped},`);
    const staff = renderHtml(
      writeMail({
        ...facts,
        kind: "booking_requested",
        audience: "staff",
        recipient: facts.recipient,
      }),
    );
    expect(staff).not.toContain("<b>");
    expect(staff).toContain(`${escaped} would like to book`);
  });
});

describe("the text part", () => {
  test("keeps what people wrote as they wrote it, quotes marked, links on their own line", () => {
    const text = renderText(document);
    expect(text).toContain(`Hello ${name},`);
    expect(text).toContain(`By ${name}: ${name}\n`);
    expect(text).toContain("> <img src=x onerror=alert(1)>\n> line 2");
    expect(text).toContain('Open:\nhttps://example.org/a?b=1&c="2"\n');
    expect(text).toContain(`Kind regards\n${name}\n\n-- \nSent automatically.`);
  });

  test("details are aligned, continuation lines indented", () => {
    const text = renderText(writeMail(bookingFacts()));
    expect(text).toContain(
      [
        "What:  Inspection – Bay 1",
        "Where: Werkstatt Müller",
        "       Hauptstraße 1, 10115 Berlin",
        "When:  Sat 12 Dec 2026, 10:00–11:00 (Europe/Berlin time)",
        "Price: €89.00",
      ].join("\n"),
    );
  });
});
