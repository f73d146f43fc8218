using Governance.People;

namespace Governance.Cases;

/// <summary>
/// 事件指令 — one thing someone does to a case, with who did it, when, and a note. Every command that is
/// accepted is kept in the case's history, so that replaying the commands rebuilds the case.
/// </summary>
/// <param name="Actor">Who does it.</param>
/// <param name="At">When; not before the case's last recorded action.</param>
/// <param name="Note">An optional note (at most 2,000 characters).</param>
public abstract record CaseCommand(Id<Person> Actor, Instant At, string? Note)
{
    /// <summary>The trigger this command fires.</summary>
    public abstract CaseTrigger Trigger { get; }
}
