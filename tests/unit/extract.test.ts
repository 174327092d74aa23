/// <reference types="vite/client" />
/**
 * Article extraction and page provenance (src/extract, src/annotate/page.ts), inside workerd, on the
 * labelled pages of fixtures/articles/.
 */
import { describe, expect, it } from "vitest";
import { annotate } from "../../src/annotate";
import { annotatePage } from "../../src/annotate/page";
import { FLAG_RULES, CLEANING_RULES } from "../../src/annotate/rules";
import { extractPage } from "../../src/extract";
import { registrableDomain } from "../../src/extract/domain";
import { PAGE_RULES } from "../../src/extract/provenance";
import { evaluateExtraction, F1_TARGET, type ExtractLabel } from "../../scripts/eval-extract";
import seedStory from "../../fixtures/seed-story.txt?raw";

const pages = import.meta.glob<string>("../../fixtures/articles/**/*.html", { query: "?raw", import: "default", eager: true });
const labels = Object.values(import.meta.glob<ExtractLabel>("../../fixtures/articles/labels/*.json", { eager: true, import: "default" }));
const page = (path: string): string => {
  const html = pages[`../../fixtures/articles/${path}`];
  if (html === undefined) throw new Error(`no fixture ${path}`);
  return html;
};
const URL_OF = (slug: string) => `https://harbour-gazette.example/story/${slug}`;
const SEED_TITLE = "Blinken hopes for progress on Haiti in talks with Caribbean leaders";

describe("the seed story's page", () => {
  for (const layout of ["newsroom", "wordpress", "amp"]) {
    it(`gives the three flags with the disclaimer as evidence and the feed's entity list (${layout})`, () => {
      const r = annotatePage(page(`pages/00-seed-haiti--${layout}.html`), { url: URL_OF("00-seed-haiti"), title: SEED_TITLE });
      expect(r.annotation.flags).toMatchObject({ auto_generated: true, unedited: true, syndicated: true, ai_generated: false });
      for (const flag of ["auto_generated", "unedited", "syndicated"]) {
        const ev = r.annotation.flags.evidence.find((e) => e.flag === flag);
        expect(ev).toMatchObject({ kind: "stated", text: expect.stringMatching(/not been edited by Devdiscourse staff/) });
      }
      // The same entities as the whole story gives when a feed carries all of it.
      const whole = annotate({ title: SEED_TITLE, text: seedStory });
      expect(r.annotation.entities).toEqual(whole.entities);
      expect(r.annotation.content_text).toBe(whole.content_text);
      expect(r.annotation.content_text).not.toMatch(/cookies|Share on Facebook|Related stories|comment/i);
    });
  }

  it("keeps a disclaimer placed after the article element, once, whether or not the extractor took it in", () => {
    for (const layout of ["newsroom", "wordpress", "amp"]) {
      const { text } = annotatePage(page(`pages/00-seed-haiti--${layout}.html`), { url: URL_OF("00-seed-haiti") });
      expect(text.match(/not been edited by Devdiscourse staff/g), layout).toHaveLength(1);
    }
  });

  it("reads the page's headline, date and site name", () => {
    const r = annotatePage(page("pages/00-seed-haiti--newsroom.html"), { url: URL_OF("00-seed-haiti") });
    expect(r.article).toMatchObject({ title: SEED_TITLE, published_at: "2024-03-11T20:29:00.000Z", site_name: "Harbour Gazette" });
  });
});

describe("datelines", () => {
  it("puts a dateline in its own element back at the head of the story", () => {
    const r = annotatePage(page("pages/01-port-strike--newsroom.html"), { url: URL_OF("01-port-strike") });
    expect(r.annotation.content_text.startsWith("MOMBASA, June 4 (Reuters) - Dock workers at Kenya's main port")).toBe(true);
    expect(r.annotation.flags.syndicated).toBe(true);
    expect(r.annotation.flags.wire_services).toEqual(["Reuters"]);
    expect(r.annotation.flags.evidence).toContainEqual(expect.objectContaining({ rule: "dateline-reuters", kind: "stated" }));
  });

  it("keeps an inline dateline where it is (AMP page)", () => {
    const r = annotatePage(page("pages/07-earthquake-drill--amp.html"), { url: URL_OF("07-earthquake-drill") });
    expect(r.annotation.content_text.startsWith("MANILA, Philippines (AP) — Millions of students")).toBe(true);
    expect(r.annotation.flags.wire_services).toContain("Associated Press");
  });
});

describe("page furniture", () => {
  it.each(labels.map((l) => [l.page, l] as const))("%s: no navigation, comments, related links or banners", (_name, label) => {
    const { text } = annotatePage(page(label.page), { url: label.url });
    expect(text).not.toMatch(/Share on Facebook|Related stories|Post comment|We use cookies|Most read|All rights reserved|Get the morning briefing|ravi_k/);
  });

  it("reads a script-rendered page's story from its JSON-LD articleBody", () => {
    const r = extractPage(page("pages/02-monsoon-rains--script-rendered.html"), { url: URL_OF("02-monsoon-rains") });
    expect(r.method).toBe("json-ld");
    expect(r.paragraphs[0]).toMatch(/^Pune, Jun 9 \(PTI\) Pre-monsoon showers/);
  });
});

describe("page provenance", () => {
  const url = "https://www.lakeside-post.example/africa/kenya-tea";
  const r = annotatePage(page("provenance/syndicated-everything.html"), { url });

  it("turns each provenance statement into a signal with its catalogue rule", () => {
    expect(r.article.signals.map((s) => s.rule).sort()).toEqual(
      [
        "page-author-meta-wire",
        "page-byline-wire",
        "page-canonical-elsewhere",
        "page-jsonld-is-based-on",
        "page-jsonld-wire-author",
        "page-jsonld-wire-source",
        "page-og-url-elsewhere",
        "page-original-source",
        "page-syndication-source",
      ].sort(),
    );
    for (const s of r.article.signals) expect(s.wire_services).toEqual(["Reuters"]);
  });

  it("gives them as stated evidence for syndicated and for the wire", () => {
    const f = r.annotation.flags;
    expect(f.syndicated).toBe(true);
    expect(f.wire_services).toEqual(["Reuters"]);
    const canonical = f.evidence.filter((e) => e.rule === "page-canonical-elsewhere");
    expect(canonical).toEqual([
      { flag: "syndicated", rule: "page-canonical-elsewhere", text: expect.stringContaining("https://www.reuters.com/world/africa/"), kind: "stated" },
      { flag: "wire", rule: "page-canonical-elsewhere", text: expect.stringContaining("reuters.com"), kind: "stated" },
    ]);
  });

  it("takes the headline, date and author from the page", () => {
    expect(r.article).toMatchObject({ title: "Drought cuts Kenyan tea output for a second month", published_at: "2024-06-04T04:45:00.000Z" });
    expect(r.page.authors).toContain("Reuters");
  });

  it("says nothing of a staff story whose canonical link is its own (relative) address", () => {
    const staff = annotatePage(page("provenance/staff-story.html"), { url: "https://www.lakeside-post.example/local/ferry-timetable-summer?utm=x" });
    expect(staff.article.signals).toEqual([]);
    expect(staff.annotation.flags).toMatchObject({ syndicated: false, wire_services: [], evidence: [] });
  });

  it("cannot tell outlets apart without the page's address, so names no canonical signal then", () => {
    const noUrl = annotatePage(page("provenance/syndicated-everything.html"));
    expect(noUrl.article.signals.map((s) => s.rule)).not.toContain("page-canonical-elsewhere");
  });

  it("keeps its rule ids apart from the text rules' ids", () => {
    const textIds = new Set([...FLAG_RULES, ...CLEANING_RULES].map((rule) => rule.id));
    for (const rule of PAGE_RULES) expect(textIds.has(rule.id), rule.id).toBe(false);
    expect(new Set(PAGE_RULES.map((rule) => rule.id)).size).toBe(PAGE_RULES.length);
  });

  it("compares registrable domains, not hosts", () => {
    expect(registrableDomain("www.reuters.com")).toBe("reuters.com");
    expect(registrableDomain("news.bbc.co.uk")).toBe("bbc.co.uk");
    expect(registrableDomain("m.timesofindia.indiatimes.com")).toBe("indiatimes.com");
    // From the Public Suffix List, not a guess at second-level labels.
    expect(registrableDomain("www.abc.net.au")).toBe("abc.net.au");
    expect(registrableDomain("noticias.folha.com.br")).toBe("folha.com.br");
  });
});

describe("walls", () => {
  it.each([
    ["walls/cloudflare-challenge.html", "bot-challenge"],
    ["walls/enable-javascript.html", "javascript-required"],
    ["walls/consent-wall.html", "consent-wall"],
  ])("recognises %s as a %s", (path, kind) => {
    expect(extractPage(page(path), { url: "https://harbour-gazette.example/story/x" }).wall?.kind).toBe(kind);
  });

  it("does not take an article with a cookie banner for a wall", () => {
    for (const label of labels) expect(extractPage(page(label.page), { url: label.url }).wall, label.page).toBeNull();
  });
});

describe("the feed's article selector", () => {
  it("overrides the extractor when it matches", () => {
    const r = extractPage(page("pages/06-library-reopens--wordpress.html"), { url: URL_OF("06-library-reopens"), selector: ".comments-area" });
    expect(r.method).toBe("selector");
    expect(r.paragraphs.join(" ")).toMatch(/ravi_k|Good reporting/);
  });

  it("falls back to Readability when the selector is invalid or matches nothing", () => {
    for (const selector of ["div[[", ".no-such-class"]) {
      const r = extractPage(page("pages/06-library-reopens--wordpress.html"), { url: URL_OF("06-library-reopens"), selector });
      expect(r.method).toBe("readability");
      expect(r.paragraphs[0]).toMatch(/^The Riverside branch library reopened/);
    }
  });
});

describe("the extraction evaluation (npm run eval:extract)", () => {
  const cases = labels.map((label) => ({ label, html: page(label.page) }));
  const report = evaluateExtraction(cases);

  it(`scores at least ${F1_TARGET} word-shingle F1 on ≥ 40 labelled pages, in workerd as in Node`, () => {
    expect(report.pages).toBeGreaterThanOrEqual(40);
    expect(report.f1).toBeGreaterThanOrEqual(F1_TARGET);
  });

  it("keeps every first and last sentence, dateline and disclaimer", () => {
    expect(report.firstSentence).toBe(report.pages);
    expect(report.lastSentence).toBe(report.pages);
    expect(report.datelines.kept).toBe(report.datelines.of);
    expect(report.disclaimers.kept).toBe(report.disclaimers.of);
  });
});
