using Governance.People;

namespace Governance.Cases;

/// <summary>协商议事会 — a consultation meeting held on a case.</summary>
/// <param name="HeldAt">When.</param>
/// <param name="ConvenedBy">Who convened it (usually the grid leader).</param>
/// <param name="Participants">Who took part.</param>
/// <param name="Outcome">What was agreed.</param>
public sealed record ConsultationMeeting(Instant HeldAt, Id<Person> ConvenedBy, IReadOnlyList<string> Participants, string Outcome);
