using Governance.Calendars;

namespace Governance.Sla;

/// <summary>时限目标 — a step's goal: a length on a clock (from Core's <see cref="DeadlineGoal"/>) counted from an anchor.</summary>
/// <remarks>Equality is by value.</remarks>
/// <param name="Goal">The length and its clock.</param>
/// <param name="Anchor">What it is counted from.</param>
public sealed record SlaGoal(DeadlineGoal Goal, SlaAnchor Anchor)
{
    /// <inheritdoc />
    public override string ToString() => $"{Goal} from {Anchor}";
}
