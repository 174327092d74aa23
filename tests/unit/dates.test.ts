import { describe, expect, it } from "vitest";
import { DateError, parseFeedDate } from "../../src/ingest/dates";

const FETCHED_AT = "2024-06-01T12:00:00.000Z";

describe("parseFeedDate reads the forms feeds write", () => {
  const cases: Array<[label: string, raw: string, iso: string]> = [
    ["the CONTRACT.md example, RFC 1123 with a +0530 offset", "Tue, 12 Mar 2024 01:59:00 +0530", "2024-03-11T20:29:00.000Z"],
    ["RFC 1123 in GMT", "Tue, 12 Mar 2024 01:59:00 GMT", "2024-03-12T01:59:00.000Z"],
    ["RFC 822 without weekday", "12 Mar 2024 01:59:00 +0000", "2024-03-12T01:59:00.000Z"],
    ["RFC 822 with a two-digit year below 50", "Tue, 12 Mar 24 01:59:00 GMT", "2024-03-12T01:59:00.000Z"],
    ["RFC 822 with a two-digit year from 50", "Fri, 31 Dec 99 23:59:59 GMT", "1999-12-31T23:59:59.000Z"],
    ["RFC 822 with a one-digit day", "Sat, 2 Mar 2024 08:00:00 GMT", "2024-03-02T08:00:00.000Z"],
    ["RFC 822 without seconds", "Tue, 12 Mar 2024 01:59 GMT", "2024-03-12T01:59:00.000Z"],
    ["zone UT", "Tue, 12 Mar 2024 01:59:00 UT", "2024-03-12T01:59:00.000Z"],
    ["zone UTC", "Tue, 12 Mar 2024 01:59:00 UTC", "2024-03-12T01:59:00.000Z"],
    ["zone Z", "Tue, 12 Mar 2024 01:59:00 Z", "2024-03-12T01:59:00.000Z"],
    ["zone EST", "Mon, 11 Mar 2024 15:59:00 EST", "2024-03-11T20:59:00.000Z"],
    ["zone EDT", "Mon, 11 Mar 2024 15:59:00 EDT", "2024-03-11T19:59:00.000Z"],
    ["zone CST", "Mon, 11 Mar 2024 15:59:00 CST", "2024-03-11T21:59:00.000Z"],
    ["zone CDT", "Mon, 11 Mar 2024 15:59:00 CDT", "2024-03-11T20:59:00.000Z"],
    ["zone MST", "Mon, 11 Mar 2024 15:59:00 MST", "2024-03-11T22:59:00.000Z"],
    ["zone MDT", "Mon, 11 Mar 2024 15:59:00 MDT", "2024-03-11T21:59:00.000Z"],
    ["zone PST", "Mon, 11 Mar 2024 15:59:00 PST", "2024-03-11T23:59:00.000Z"],
    ["zone PDT", "Mon, 11 Mar 2024 15:59:00 PDT", "2024-03-11T22:59:00.000Z"],
    ["zone IST as India", "Tue, 12 Mar 2024 01:59:00 IST", "2024-03-11T20:29:00.000Z"],
    ["lowercase zone name", "Tue, 12 Mar 2024 01:59:00 gmt", "2024-03-12T01:59:00.000Z"],
    ["a military letter zone as UTC (RFC 5322 §4.3)", "Tue, 12 Mar 2024 01:59:00 A", "2024-03-12T01:59:00.000Z"],
    ["a negative numeric offset", "Mon, 11 Mar 2024 21:59:00 -0400", "2024-03-12T01:59:00.000Z"],
    ["a numeric offset with a colon", "Tue, 12 Mar 2024 01:59:00 +05:30", "2024-03-11T20:29:00.000Z"],
    ["a numeric offset followed by its name", "Tue, 12 Mar 2024 01:59:00 +0530 IST", "2024-03-11T20:29:00.000Z"],
    ["an RFC 822 comment after the zone", "Tue, 12 Mar 2024 01:59:00 +0000 (Coordinated Universal Time)", "2024-03-12T01:59:00.000Z"],
    ["RFC 850", "Tuesday, 12-Mar-24 01:59:00 GMT", "2024-03-12T01:59:00.000Z"],
    ["asctime", "Tue Mar 12 01:59:00 2024", "2024-03-12T01:59:00.000Z"],
    ["Unix date with a zone before the year", "Tue Mar 12 01:59:00 UTC 2024", "2024-03-12T01:59:00.000Z"],
    ["JavaScript Date#toString", "Tue Mar 12 2024 01:59:00 GMT+0530 (India Standard Time)", "2024-03-11T20:29:00.000Z"],
    ["a full weekday and month in prose with AM", "Tuesday, March 12, 2024 1:59 AM", "2024-03-12T01:59:00.000Z"],
    ["prose with PM and 'at'", "March 12, 2024 at 1:59 pm", "2024-03-12T13:59:00.000Z"],
    ["12 AM as midnight", "March 12, 2024 12:05 AM", "2024-03-12T00:05:00.000Z"],
    ["12 PM as noon", "March 12, 2024 12:05 PM", "2024-03-12T12:05:00.000Z"],
    ["a.m. with dots", "12 March 2024, 9:30 a.m.", "2024-03-12T09:30:00.000Z"],
    ["an ordinal day", "March 12th, 2024", "2024-03-12T00:00:00.000Z"],
    ["lowercase month names", "tue, 12 mar 2024 01:59:00 gmt", "2024-03-12T01:59:00.000Z"],
    ["uppercase month names", "TUE, 12 MAR 2024 01:59:00 GMT", "2024-03-12T01:59:00.000Z"],
    ["'Sept' for September", "12 Sept 2023 01:59", "2023-09-12T01:59:00.000Z"],
    ["day-month-year without zone or seconds", "12 Mar 2024 01:59", "2024-03-12T01:59:00.000Z"],
    ["extra spaces and a missing comma", "  Tue  12  Mar 2024   01:59:00  +0000 ", "2024-03-12T01:59:00.000Z"],
    ["RFC 3339 in UTC", "2024-03-12T01:59:00Z", "2024-03-12T01:59:00.000Z"],
    ["RFC 3339 with an offset", "2024-03-12T01:59:00+05:30", "2024-03-11T20:29:00.000Z"],
    ["RFC 3339 with a negative offset", "2024-03-11T21:59:00-04:00", "2024-03-12T01:59:00.000Z"],
    ["RFC 3339 with milliseconds", "2024-03-12T01:59:00.250Z", "2024-03-12T01:59:00.250Z"],
    ["RFC 3339 with microseconds", "2024-03-12T01:59:00.123456Z", "2024-03-12T01:59:00.123Z"],
    ["RFC 3339 with a one-digit fraction", "2024-03-12T01:59:00.5Z", "2024-03-12T01:59:00.500Z"],
    ["ISO without seconds", "2024-03-12T01:59Z", "2024-03-12T01:59:00.000Z"],
    ["ISO with an offset without colon", "2024-03-12T01:59:00+0530", "2024-03-11T20:29:00.000Z"],
    ["ISO with an hour-only offset", "2024-03-12T01:59:00+05", "2024-03-11T20:59:00.000Z"],
    ["ISO with lowercase t and z", "2024-03-12t01:59:00z", "2024-03-12T01:59:00.000Z"],
    ["ISO basic format", "20240312T015900Z", "2024-03-12T01:59:00.000Z"],
    ["ISO date only, as midnight UTC", "2024-03-12", "2024-03-12T00:00:00.000Z"],
    ["ISO without zone, as UTC", "2024-03-12T01:59:00", "2024-03-12T01:59:00.000Z"],
    ["the SQL-style form with a space", "2024-03-12 01:59:00", "2024-03-12T01:59:00.000Z"],
    ["the SQL-style form with a spaced offset", "2024-03-12 01:59:00 +05:30", "2024-03-11T20:29:00.000Z"],
    ["ISO with a named zone", "2024-03-12T01:59:00 EST", "2024-03-12T06:59:00.000Z"],
    ["ISO with a one-digit hour", "2024-03-12 1:59", "2024-03-12T01:59:00.000Z"],
    ["year-first with slashes", "2024/03/12 01:59:00", "2024-03-12T01:59:00.000Z"],
    ["slashes as m/d/y", "03/12/2024 01:59 PM", "2024-03-12T13:59:00.000Z"],
    ["slashes as d/m/y when the first field exceeds 12", "25/03/2024", "2024-03-25T00:00:00.000Z"],
    ["dots as d.m.y", "12.03.2024 01:59", "2024-03-12T01:59:00.000Z"],
    ["24:00 as the end of the day", "2024-03-12T24:00:00Z", "2024-03-13T00:00:00.000Z"],
    ["a leap second as the second before", "2016-12-31T23:59:60Z", "2016-12-31T23:59:59.000Z"],
    ["February 29 in a leap year", "29 Feb 2024 10:00:00 GMT", "2024-02-29T10:00:00.000Z"],
    ["a date ahead of the fetch time within tolerance", "2024-06-01T12:05:00Z", "2024-06-01T12:05:00.000Z"],
  ];
  it.each(cases)("%s: %s", (_label, raw, iso) => {
    expect(parseFeedDate(raw, FETCHED_AT)).toEqual({ iso, raw: null });
  });
});

describe("parseFeedDate keeps the raw string when it cannot trust the date", () => {
  const unparseable: Array<[label: string, raw: string]> = [
    ["free text", "yesterday"],
    ["a word beside a valid date", "Tue, 12 Mar 2024 01:59:00 GMT soon"],
    ["an impossible day", "Fri, 30 Feb 2024 01:59:00 GMT"],
    ["February 29 in a common year", "29 Feb 2023 10:00:00 GMT"],
    ["an impossible hour", "2024-03-12T25:00:00Z"],
    ["an impossible minute", "Tue, 12 Mar 2024 01:61:00 GMT"],
    ["an impossible month", "2024-13-01T00:00:00Z"],
    ["an offset beyond any zone", "2024-03-12T01:59:00+19:00"],
    ["a month name without a year", "12 March"],
    ["a year alone", "2024"],
    ["a .NET zero date", "0001-01-01T00:00:00"],
    ["an unknown zone name", "Tue, 12 Mar 2024 01:59:00 XYZT"],
    ["a three-part number that is no date", "1.2.3.4"],
  ];
  it.each(unparseable)("gives iso null for %s", (_label, raw) => {
    expect(parseFeedDate(raw, FETCHED_AT)).toEqual({ iso: null, raw });
  });

  const future: Array<[label: string, raw: string]> = [
    ["a date a year ahead", "Wed, 12 Mar 2025 01:59:00 GMT"],
    ["a date an hour ahead", "2024-06-01T13:00:00Z"],
    ["a date far in the future", "9999-12-31T23:59:59Z"],
  ];
  it.each(future)("clamps %s to the fetch time", (_label, raw) => {
    expect(parseFeedDate(raw, FETCHED_AT)).toEqual({ iso: FETCHED_AT, raw });
  });

  it("trims the raw string it keeps", () => {
    expect(parseFeedDate("  not a date \n", FETCHED_AT)).toEqual({ iso: null, raw: "not a date" });
  });

  it("caps the raw string it keeps at 200 characters", () => {
    expect(parseFeedDate("x".repeat(5000), FETCHED_AT).raw).toHaveLength(200);
  });
});

describe("parseFeedDate with nothing to read", () => {
  it.each([null, "", "   \n\t"])("gives null and null for %j", (raw) => {
    expect(parseFeedDate(raw, FETCHED_AT)).toEqual({ iso: null, raw: null });
  });

  it("throws a DateError naming the module when fetchedAt is not a date", () => {
    expect(() => parseFeedDate("2024-03-12", "now")).toThrow(DateError);
    expect(() => parseFeedDate("2024-03-12", "now")).toThrow(/^dates: /);
  });
});
