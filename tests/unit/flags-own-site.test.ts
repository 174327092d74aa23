/**
 * An agency's own site: its copy there, under its own dateline, is the publisher's, not syndication (pages-dev
 * labels Kyodo's and Yonhap's own pages so). The story's address tells it apart; the text alone cannot.
 */
import { describe, expect, it } from "vitest";
import { annotate } from "../../src/annotate";
import { detectFlags } from "../../src/annotate/flags";
import { WIRE_SERVICES, wireOfSite } from "../../src/annotate/wires";

const YONHAP_COPY =
  "SEOUL, May 2 (Yonhap) -- South Korea's central bank held its policy rate steady on Thursday, citing slowing inflation.\n\nThe Bank of Korea said exports had recovered in the first quarter.";

describe("wireOfSite", () => {
  it.each([
    ["https://en.yna.co.kr/view/AEN20260502000300320", "Yonhap"],
    ["https://www.reuters.com/world/asia-pacific/", "Reuters"],
    ["https://english.news.cn/20260502/abc/c.html", "Xinhua"],
    ["https://apnews.com/article/kenya-floods", "Associated Press"],
    ["https://WWW.PNA.GOV.PH./articles/1", "Philippine News Agency"],
  ])("%s is %s's own site", (url, wire) => {
    expect(wireOfSite(url)).toBe(wire);
  });

  it.each([
    ["a look-alike host", "https://notreuters.com/world"],
    ["the agency's domain as a subdomain of another", "https://yna.co.kr.mirror.example/view/1"],
    ["a republisher", "https://www.koreaherald.com/view.php?ud=1"],
    ["a path naming the agency", "https://news.example/reuters.com/world"],
    ["no address", null],
    ["an unparseable address", "not a url"],
  ])("%s is no agency's site", (_, url) => {
    expect(wireOfSite(url)).toBeNull();
  });

  it("names only wires the catalogue knows, each domain under one wire", () => {
    const seen = new Map<string, string>();
    for (const wire of WIRE_SERVICES) {
      for (const domain of wire.domains ?? []) {
        expect(domain).toMatch(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/);
        expect(seen.get(domain), domain).toBeUndefined();
        seen.set(domain, wire.name);
        expect(wireOfSite(`https://${domain}/x`)).toBe(wire.name);
      }
    }
    expect(seen.size).toBeGreaterThan(60);
  });
});

describe("flags on an agency's own site", () => {
  it("a dateline crediting the site's own agency is not syndication there, and is elsewhere", () => {
    const own = detectFlags("Bank of Korea holds rate", YONHAP_COPY, { url: "https://en.yna.co.kr/view/AEN1" }).flags;
    expect(own.syndicated).toBe(false);
    expect(own.wire_services).toEqual([]);
    expect(own.evidence).toEqual([]);
    const copy = detectFlags("Bank of Korea holds rate", YONHAP_COPY, { url: "https://www.koreaherald.com/view.php?ud=1" }).flags;
    expect(copy.syndicated).toBe(true);
    expect(copy.wire_services).toEqual(["Yonhap"]);
    expect(detectFlags("Bank of Korea holds rate", YONHAP_COPY).flags.syndicated).toBe(true);
  });

  it("another agency's copy on an agency's site is still syndicated, under that agency", () => {
    const text = "TOKYO, May 2 (Reuters) - Japan's Nikkei share average rose on Thursday as exporters gained.";
    const { flags } = detectFlags("Nikkei rises", text, { url: "https://en.yna.co.kr/view/AEN2" });
    expect(flags.syndicated).toBe(true);
    expect(flags.wire_services).toEqual(["Reuters"]);
  });

  it("a stated notice still counts on the agency's own site", () => {
    const text = `${YONHAP_COPY}\n\n(This story has not been edited by Yonhap staff and is auto-generated from a syndicated feed.)`;
    const { flags } = detectFlags("Bank of Korea holds rate", text, { url: "https://en.yna.co.kr/view/AEN3" });
    expect(flags).toMatchObject({ auto_generated: true, unedited: true, syndicated: true });
  });

  it("annotate() passes the address through, and the body is cleaned the same either way", () => {
    const own = annotate({ title: "Bank of Korea holds rate", text: YONHAP_COPY, url: "https://en.yna.co.kr/view/AEN1" });
    const elsewhere = annotate({ title: "Bank of Korea holds rate", text: YONHAP_COPY, url: "https://www.koreaherald.com/view.php?ud=1" });
    expect(own.flags.syndicated).toBe(false);
    expect(elsewhere.flags.syndicated).toBe(true);
    expect(own.entities.map((e) => e.name)).toEqual(elsewhere.entities.map((e) => e.name));
  });
});
