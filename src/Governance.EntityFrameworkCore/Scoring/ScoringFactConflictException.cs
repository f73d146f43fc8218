namespace Governance.EntityFrameworkCore.Scoring;

/// <summary>计分事实冲突 — a fact id is stored already with other content; nothing of the batch was written.</summary>
public sealed class ScoringFactConflictException : GovernanceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="factId">The fact id.</param>
    public ScoringFactConflictException(string factId)
        : base(RefusalReason.Conflict, $"Scoring fact '{factId}' is stored already with other content; a repeat must send the same fact, and a correction needs a new id.")
    {
        FactId = factId;
    }

    /// <summary>The fact id.</summary>
    public string FactId { get; }
}
