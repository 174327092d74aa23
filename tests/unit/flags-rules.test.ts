import { describe, expect, it } from "vitest";
import { FLAG_NAMES } from "../../src/model";
import { bracketedWires, detectFlags } from "../../src/annotate/flags";
import { CLEANING_RULES, FLAG_RULES, FLAG_RULES_VERSION, LEADING_WIRE, TRAILING_WIRE, type FlagRule } from "../../src/annotate/rules";
import { canonicalWire } from "../../src/annotate/wires";

/** A rule is exercised where it applies: title rules on the headline, the others on a one-paragraph body. */
function flagsFor(rule: FlagRule, text: string) {
  return rule.where === "title" ? detectFlags(text, "").flags : detectFlags("", text).flags;
}

function phrasings(rule: FlagRule): string[] {
  return [rule.example, ...(rule.variants ?? []).map((variant) => variant.text)];
}

describe("the flag rule catalogue", () => {
  it("is versioned, so stored stories can be re-annotated when it changes", () => {
    expect(Number.isInteger(FLAG_RULES_VERSION)).toBe(true);
    expect(FLAG_RULES_VERSION).toBeGreaterThanOrEqual(1);
  });

  it("gives every rule a unique id", () => {
    const ids = [...FLAG_RULES.map((rule) => rule.id), ...CLEANING_RULES.map((rule) => rule.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("holds at least 25 distinct real phrasings from at least 12 outlets and agencies", () => {
    const all = FLAG_RULES.flatMap((rule) => [
      { outlet: rule.outlet, text: rule.example },
      ...(rule.variants ?? []),
    ]);
    expect(new Set(all.map((phrasing) => phrasing.text)).size).toBeGreaterThanOrEqual(25);
    expect(new Set(all.map((phrasing) => phrasing.outlet)).size).toBeGreaterThanOrEqual(12);
  });

  it("keeps every pattern under 20 KB of source, past which V8 does not optimise a regular expression", () => {
    for (const rule of FLAG_RULES) expect(rule.pattern.source.length, rule.id).toBeLessThan(20_000);
    expect(LEADING_WIRE.source.length).toBeLessThan(20_000);
    expect(TRAILING_WIRE.source.length).toBeLessThan(20_000);
  });

  it("only sets known flags and only attributes canonical wires", () => {
    for (const rule of FLAG_RULES) {
      expect(rule.flags.length, rule.id).toBeGreaterThan(0);
      for (const flag of rule.flags) expect(FLAG_NAMES).toContain(flag);
      if (rule.wire !== undefined) expect(canonicalWire(rule.wire), rule.id).toBe(rule.wire);
    }
  });
});

describe.each(FLAG_RULES.map((rule) => [rule.id, rule] as const))("rule %s", (_id, rule) => {
  it.each(phrasings(rule))("matches its real wording %j and sets its flags", (text) => {
    expect(rule.pattern.test(text)).toBe(true);
    const flags = flagsFor(rule, text);
    for (const flag of rule.flags) expect(flags[flag], flag).toBe(true);
    const evidenced = flags.evidence.map((evidence): string => evidence.flag);
    expect(rule.flags.some((flag) => evidenced.includes(flag))).toBe(true);
  });

  it("does not match its counter-example", () => {
    expect(rule.pattern.test(rule.counterExample)).toBe(false);
    expect(flagsFor(rule, rule.counterExample).evidence.map((evidence) => evidence.rule)).not.toContain(rule.id);
  });

  it("has whitespace-free hints, one of which every phrasing contains, so the prefilter never hides a match", () => {
    for (const hint of rule.hints) expect(hint).toMatch(/^\S+$/u);
    for (const text of phrasings(rule)) {
      expect(rule.hints.some((hint) => text.toLowerCase().includes(hint)), text).toBe(true);
    }
  });

  it.runIf(rule.wireAt !== undefined)("has a wire's name at that end of the line wherever it matches, so the wire-name test never hides a match", () => {
    const edge = rule.wireAt === "start" ? LEADING_WIRE : TRAILING_WIRE;
    const lines = phrasings(rule).flatMap((text) => text.split("\n")).filter((line) => rule.pattern.test(line));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(edge.test(line), line).toBe(true);
    expect(edge.test("Apple shares rose"), "a wire name inside a word").toBe(false);
    expect(edge.test("Paper prices rose; the snap"), "a wire name inside a word").toBe(false);
  });
});

describe.each(FLAG_RULES.filter((rule) => rule.bracketed !== undefined).map((rule) => [rule.id, rule] as const))("dateline %s", (_id, rule) => {
  it("names one of its wires in brackets wherever it matches, so the bracket test never hides a match", () => {
    for (const text of phrasings(rule)) {
      const named = bracketedWires(text);
      expect(rule.bracketed!.some((wire) => named.has(wire)), text).toBe(true);
      for (const wire of detectFlags("", text).flags.wire_services) expect(rule.bracketed, text).toContain(wire);
    }
    expect([...bracketedWires("Andhra Pradesh (AP) Chief Minister")], "AP is an agency alias").toEqual(["Associated Press"]);
    expect(bracketedWires("The chain (pictured) opened two stores (in March)").size).toBe(0);
  });
});

describe.each(CLEANING_RULES.map((rule) => [rule.id, rule] as const))("cleaning rule %s", (_id, rule) => {
  it("matches its example and not its counter-example", () => {
    expect(rule.pattern.test(rule.example)).toBe(true);
    expect(rule.pattern.test(rule.counterExample)).toBe(false);
    expect(rule.hints.some((hint) => rule.example.toLowerCase().includes(hint))).toBe(true);
  });
});
