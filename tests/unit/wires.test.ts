import { describe, expect, it } from "vitest";
import { WIRE_SERVICES, canonicalWire, wiresNamedIn } from "../../src/annotate/wires";

describe("canonicalWire", () => {
  it.each([
    ["PTI", "Press Trust of India"],
    ["pti", "Press Trust of India"],
    ["Press Trust of India", "Press Trust of India"],
    ["AP", "Associated Press"],
    ["The Associated Press", "Associated Press"],
    ["associated press", "Associated Press"],
    ["ANI", "Asian News International"],
    ["IANS", "Indo-Asian News Service"],
    ["AFP", "Agence France-Presse"],
    ["Agence France Presse", "Agence France-Presse"],
    ["REUTERS", "Reuters"],
    ["Thomson Reuters", "Reuters"],
    ["UNI", "United News of India"],
    ["Xinhua News Agency", "Xinhua"],
    ["DPA", "dpa"],
    ["Anadolu", "Anadolu Agency"],
    ["The Canadian Press", "Canadian Press"],
    ["AAP", "Australian Associated Press"],
    ["  Dow   Jones Newswires ", "Dow Jones"],
    ["PRNewswire", "PR Newswire"],
    ["Kuwait News Agency", "KUNA"],
    ["NNN", "Nam News Network"],
    ["Palestine News and Information Agency", "WAFA"],
    ["ITAR-TASS", "TASS"],
    ["Agência Brasil", "Agencia Brasil"],
  ])("maps %j to %j", (alias, canonical) => {
    expect(canonicalWire(alias)).toBe(canonical);
  });

  it.each(["TDI", "Devdiscourse", "The Hindu", "", "Reuters Breakingviews desk"])("returns null for %j, which is not a wire", (name) => {
    expect(canonicalWire(name)).toBeNull();
  });

  it("maps every canonical name to itself, so `wire=` filters accept either form", () => {
    for (const wire of WIRE_SERVICES) expect(canonicalWire(wire.name)).toBe(wire.name);
  });

  it("never lets one alias name two wires", () => {
    const owners = new Map<string, string>();
    for (const wire of WIRE_SERVICES) {
      for (const alias of [wire.name, ...wire.aliases]) {
        const key = alias.toLowerCase();
        expect(owners.get(key) ?? wire.name, `alias ${alias}`).toBe(wire.name);
        owners.set(key, wire.name);
      }
    }
  });
});

describe("wiresNamedIn", () => {
  it.each([
    ["PTI and Reuters", ["Press Trust of India", "Reuters"]],
    ["Reuters, AFP & AP", ["Reuters", "Agence France-Presse", "Associated Press"]],
    ["The Associated Press", ["Associated Press"]],
    ["Associated Press of Pakistan", ["Associated Press of Pakistan"]],
    ["agencies", []],
    ["Syndicated News ", []],
    ["BloombergQuint staff", []],
    ["NNN-WAFA", ["Nam News Network", "WAFA"]],
    ["(SANA)", ["SANA"]],
    ["By SANA JAMAL", []],
    ["TAP Air Portugal and Reuters", ["Reuters"]],
  ])("finds the wires in %j", (text, wires) => {
    expect(wiresNamedIn(text)).toEqual(wires);
  });
});
