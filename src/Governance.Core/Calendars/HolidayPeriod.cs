namespace Governance.Calendars;

/// <summary>法定节假日 — a named run of days off (e.g. 春节 2026-02-15 to 2026-02-23).</summary>
/// <param name="Name">The holiday's name, e.g. "春节".</param>
/// <param name="Dates">The days off, both ends inclusive.</param>
public sealed record HolidayPeriod(string Name, DateInterval Dates);
