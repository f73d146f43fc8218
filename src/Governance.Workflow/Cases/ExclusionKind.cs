namespace Governance.Cases;

/// <summary>核减类型 — why a work order is to be left out of the three rates.</summary>
/// <remarks>No member is 0: a kind left unset is refused. A duplicate (重复件) is not an exclusion: it is rejected as
/// <see cref="RejectionKind.Duplicate"/> naming its original, which is merged into the original's count.</remarks>
public enum ExclusionKind
{
    /// <summary>不合理诉求 — an unreasonable demand (beyond law, policy or the unit's remit).</summary>
    Unreasonable = 1,

    /// <summary>无效件 — an invalid order (no real matter, a test call, a consultation only).</summary>
    Invalid,
}
