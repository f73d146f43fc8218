namespace Governance.TimeBank;

/// <summary>亲属关系 — how two people are related, for gifts and for using a relative's stored time.</summary>
public enum RelationKind
{
    /// <summary>配偶 — spouse.</summary>
    Spouse,

    /// <summary>直系亲属 — a direct relative (parent, child, grandparent, grandchild).</summary>
    DirectRelative,
}
