using Governance.Resources;

namespace Governance.EntityFrameworkCore.Scoring;

/// <summary>计分事实冲突 — a fact id is stored already with other content; nothing of the batch was written.</summary>
public sealed class ScoringFactConflictException : GovernanceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="factId">The fact id.</param>
    public ScoringFactConflictException(string factId)
        : base(RefusalReason.Conflict, StoreMessages.Format("ScoringFactStoredAlreadyOtherContent", factId))
    {
        FactId = factId;
    }

    /// <summary>The fact id.</summary>
    public string FactId { get; }
}
