using Governance.People;
using Governance.Scoring.Facts;

namespace Governance.Tests;

/// <summary>Domain generators for the Scoring tests.</summary>
public static class Arbitraries
{
    public static readonly string[] Kinds =
    [
        ScoringFactKinds.Meeting, ScoringFactKinds.SuggestionBook, ScoringFactKinds.VolunteerService, ScoringFactKinds.Mediation,
        ScoringFactKinds.StepMet, ScoringFactKinds.StepBreached, ScoringFactKinds.Satisfied, ScoringFactKinds.Complaint, ScoringFactKinds.Visit, "unknown",
    ];

    /// <summary>Facts about 6 people over 2026, with unique ids.</summary>
    public static Gen<ScoringFact[]> Facts { get; } =
        Gen.ArrayOf(
            from person in Gen.Choose(1, 6)
            from day in Gen.Choose(0, 364)
            from kind in Gen.Elements(Kinds)
            from quantity in Gen.Choose(0, 8)
            select (person, day, kind, quantity))
        .Select(items => items.Select((x, i) => new ScoringFact($"F{i}", (Id<Person>)$"P{x.person}", new LocalDate(2026, 1, 1).PlusDays(x.day), x.kind, x.quantity)).ToArray());

    /// <summary>Shuffles with a seed.</summary>
    public static T[] Shuffle<T>(T[] items, int seed)
    {
        var copy = items.ToArray();
        new Random(seed).Shuffle(copy);
        return copy;
    }
}
