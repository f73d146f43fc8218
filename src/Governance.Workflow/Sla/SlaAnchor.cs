namespace Governance.Sla;

/// <summary>起算点 — the moment a step's goal is counted from.</summary>
public enum SlaAnchor
{
    /// <summary>The case's registration (or, in a rework cycle, its reopening).</summary>
    Registration,

    /// <summary>The completion of the step before it (respond for claim, claim for resolve, resolve for feedback; the summons for a report-in).</summary>
    PreviousStep,
}
