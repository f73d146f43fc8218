namespace Governance.EntityFrameworkCore.Scoring;

/// <summary>计分事实行 — one stored scoring fact, keyed by its id; the whole fact as JSON beside the columns queries need.</summary>
public sealed class ScoringFactRow
{
    /// <summary>The fact's id.</summary>
    public string Id { get; set; } = "";

    /// <summary>The person it counts for.</summary>
    public string Person { get; set; } = "";

    /// <summary>The date it counts on.</summary>
    public LocalDate Date { get; set; }

    /// <summary>What it records (the fact kind's code).</summary>
    public string Kind { get; set; } = "";

    /// <summary>The fact as JSON (<c>GovernanceJson.Options</c>).</summary>
    public string Fact { get; set; } = "";
}
