namespace Governance.Calendars;

/// <summary>调休上班日 — a weekend day that is a working day by the State Council's notice (e.g. 2026-02-14, a Saturday).</summary>
/// <param name="Name">What it makes up for, e.g. "春节调休".</param>
/// <param name="Date">The date.</param>
public sealed record MakeUpWorkingDay(string Name, LocalDate Date);
