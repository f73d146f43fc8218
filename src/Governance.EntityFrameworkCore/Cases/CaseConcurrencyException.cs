using Governance.Cases;
using Governance.Resources;

namespace Governance.EntityFrameworkCore.Cases;

/// <summary>
/// 并发冲突 — another writer appended to the case first: the case stored is at <see cref="ActualVersion"/>, not the
/// <see cref="ExpectedVersion"/> this append was made on. Nothing was written; reload the case and try again.
/// </summary>
public sealed class CaseConcurrencyException : GovernanceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="expectedVersion">The version the append expected.</param>
    /// <param name="actualVersion">The version stored; null if the case is not stored at all.</param>
    public CaseConcurrencyException(Id<Case> caseId, int expectedVersion, int? actualVersion)
        : base(RefusalReason.Conflict, actualVersion is null
            ? StoreMessages.Format("CaseStoredSoNothingCanAppended", caseId, expectedVersion)
            : StoreMessages.Format("CaseWasChangedAnotherWriterStored", caseId, actualVersion, expectedVersion))
    {
        CaseId = caseId;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The case.</summary>
    public Id<Case> CaseId { get; }

    /// <summary>The version the append expected.</summary>
    public int ExpectedVersion { get; }

    /// <summary>The version stored; null if the case is not stored.</summary>
    public int? ActualVersion { get; }
}
