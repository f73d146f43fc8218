namespace Governance.Sla;

/// <summary>改派规则 — what a running step's clock does when the case is escalated, transferred or changes priority.</summary>
public enum SlaRetarget
{
    /// <summary>Keep the time already used: the step keeps its anchor and is measured against the (new) goal.</summary>
    KeepElapsed,

    /// <summary>Start again: the step is anchored at the moment of the change.</summary>
    Restart,
}
