using Governance.People;

namespace Governance.Cases;

/// <summary>授权结果 — whether an actor may fire a trigger on a case, and in which role.</summary>
/// <param name="IsAllowed">Whether it is allowed.</param>
/// <param name="ActingRole">The role that allows it, when allowed.</param>
/// <param name="Reason">Why not, when denied.</param>
public readonly record struct AuthorizationDecision(bool IsAllowed, Role ActingRole, string? Reason)
{
    /// <summary>Allowed, acting in <paramref name="role"/>.</summary>
    /// <param name="role">The role.</param>
    /// <returns>The decision.</returns>
    public static AuthorizationDecision Allow(Role role) => new(true, role, null);

    /// <summary>Denied, for a reason.</summary>
    /// <param name="reason">Why, naming who may.</param>
    /// <returns>The decision.</returns>
    public static AuthorizationDecision Deny(string reason) => new(false, default, reason);
}
