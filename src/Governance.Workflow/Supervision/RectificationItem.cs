using Governance.Resources;

namespace Governance.Supervision;

/// <summary>整改事项 — something an inspection found that must be put right by a date, and when it was.</summary>
/// <remarks>Immutable: <see cref="Close"/> returns the closed item.</remarks>
/// <param name="Id">Its code.</param>
/// <param name="Description">What must be done.</param>
/// <param name="DueBy">The last local date to put it right.</param>
/// <param name="ClosedOn">The local date it was put right, if it has been.</param>
public sealed record RectificationItem(string Id, string Description, LocalDate DueBy, LocalDate? ClosedOn = null)
{
    /// <summary>Whether it is still open after <paramref name="today"/>'s end and past due.</summary>
    /// <param name="today">The local date.</param>
    /// <returns>Open and <paramref name="today"/> after <see cref="DueBy"/>.</returns>
    public bool IsOverdueOn(LocalDate today) => ClosedOn is null && today > DueBy;

    /// <summary>Closes the item (整改完成).</summary>
    /// <param name="on">The local date; not before the item can have been raised.</param>
    /// <returns>The closed item.</returns>
    /// <exception cref="InvalidOperationException">It is already closed.</exception>
    public RectificationItem Close(LocalDate on) =>
        ClosedOn is { } closed
            ? throw new InvalidOperationException(WorkflowMessages.Format("RectificationItemWasAlreadyClosed", Id, closed))
            : this with { ClosedOn = on };
}
