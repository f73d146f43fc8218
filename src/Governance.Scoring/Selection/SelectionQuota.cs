using Governance.People;

namespace Governance.Scoring.Selection;

/// <summary>评选名额 — a number of seats for people with an attribute (or anyone).</summary>
/// <param name="Name">Its name, e.g. "党员代表".</param>
/// <param name="Seats">How many; from 1 to <see cref="MaxSeats"/>.</param>
/// <param name="Attribute">The attribute a person needs for the seats; <see cref="PersonAttributes.None"/> for anyone.</param>
public sealed record SelectionQuota(string Name, int Seats, PersonAttributes Attribute = PersonAttributes.None)
{
    /// <summary>The most seats one quota can have (a thousand; a community's selections count their seats in tens).</summary>
    public const int MaxSeats = 1000;

    /// <summary>Whether a person with <paramref name="attributes"/> may take one of these seats.</summary>
    /// <param name="attributes">The person's attributes.</param>
    /// <returns>Whether they qualify.</returns>
    public bool Admits(PersonAttributes attributes) => Attribute == PersonAttributes.None || (attributes & Attribute) == Attribute;

    /// <summary>楚润社区's quarterly excellent building heads (seed 004): 3 party members, 3 resident group leaders, 3 resident representatives.</summary>
    public static IReadOnlyList<SelectionQuota> BuildingHeadQuarterly { get; } =
    [
        new("党员代表", 3, PersonAttributes.PartyMember),
        new("居民小组长", 3, PersonAttributes.ResidentGroupLeader),
        new("居民代表", 3, PersonAttributes.ResidentRepresentative),
    ];

    /// <summary>中台社区's excellent grid workers: 15 seats, no categories.</summary>
    public static IReadOnlyList<SelectionQuota> GridWorkerExcellence { get; } = [new("优秀网格员", 15)];
}
