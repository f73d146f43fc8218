using Governance.Organisation;

namespace Governance.People;

/// <summary>物业管家分工 — a property steward serves a compound (小区).</summary>
/// <param name="PersonId">The person.</param>
/// <param name="CompoundId">The compound.</param>
public sealed record StewardAssignment(Id<Person> PersonId, Id<Compound> CompoundId);
