using Governance.Resources;

namespace Governance.Cases;

/// <summary>
/// 处置记录损坏 — a stored history cannot be the history of a case: an entry out of sequence, a transition the workflow
/// does not permit from the state before it, or an entry that contradicts the case (a report-in for a department not
/// summoned, a resume while not paused …). Nothing is restored.
/// </summary>
public sealed class CaseHistoryCorruptException : GovernanceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="sequence">The position (from 1) of the entry refused.</param>
    /// <param name="reason">What is wrong with it.</param>
    public CaseHistoryCorruptException(Id<Case> caseId, int sequence, string reason)
        : base(RefusalReason.InvalidArgument, WorkflowMessages.Format("CaseHistoryCorrupt", caseId, sequence, reason))
    {
        CaseId = caseId;
        Sequence = sequence;
        Reason = reason;
    }

    /// <summary>The case.</summary>
    public Id<Case> CaseId { get; }

    /// <summary>The position (from 1) of the entry refused.</summary>
    public int Sequence { get; }

    /// <summary>What is wrong with it.</summary>
    public string Reason { get; }
}
