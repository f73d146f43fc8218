using Governance.Resources;

namespace Governance.Organisation;

/// <summary>
/// 升级阶梯 — the levels a case climbs when it cannot be solved where it is, lowest first.
/// Communities differ: "小事不出网格、大事不出社区" (<see cref="Standard"/>) or
/// "小事不出单元、大事不出合作社、难事不出社区" (<see cref="WithCooperative"/>).
/// </summary>
/// <remarks>Levels are strictly increasing by <see cref="OrganisationLevel"/>; two ladders are equal when they list the same levels.</remarks>
/// <threadsafety>Immutable: safe to share between threads.</threadsafety>
[System.Text.Json.Serialization.JsonConverter(typeof(Json.EscalationLadderJsonConverter))]
public sealed class EscalationLadder : IEquatable<EscalationLadder>
{
    private readonly OrganisationLevel[] _levels;

    /// <summary>Creates a ladder.</summary>
    /// <param name="levels">At least two levels, strictly increasing (e.g. Grid, Community, SubDistrict).</param>
    /// <exception cref="ArgumentNullException"><paramref name="levels"/> is null.</exception>
    /// <exception cref="ArgumentException">Fewer than two levels, an undefined level, or not strictly increasing.</exception>
    public EscalationLadder(IEnumerable<OrganisationLevel> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        _levels = levels.ToArray();
        if (_levels.Length < 2)
        {
            throw new ArgumentException(
                GovernanceMessages.Format("EscalationLadderNeedsLeastTwoLevels", _levels.Length, Describe(_levels)), nameof(levels));
        }

        for (var i = 0; i < _levels.Length; i++)
        {
            if (!Enum.IsDefined(_levels[i]))
            {
                throw new ArgumentException(GovernanceMessages.Format("LevelPositionOrganisationLevel", (int)_levels[i], i), nameof(levels));
            }

            if (i > 0 && _levels[i] <= _levels[i - 1])
            {
                throw new ArgumentException(
                    GovernanceMessages.Format("EscalationLevelsMustGoStrictlyUpwards", Describe(_levels)),
                    nameof(levels));
            }
        }
    }

    /// <summary>微网格 → 网格 → 社区 → 街道: "小事不出网格、大事不出社区" (seed 002).</summary>
    public static EscalationLadder Standard { get; } = new(
        [OrganisationLevel.MicroGrid, OrganisationLevel.Grid, OrganisationLevel.Community, OrganisationLevel.SubDistrict]);

    /// <summary>微网格 → 网格 → 合作社 → 社区 → 街道: "小事不出单元、大事不出合作社、难事不出社区" (seed 001).</summary>
    public static EscalationLadder WithCooperative { get; } = new(
        [OrganisationLevel.MicroGrid, OrganisationLevel.Grid, OrganisationLevel.Cooperative, OrganisationLevel.Community, OrganisationLevel.SubDistrict]);

    /// <summary>The levels, lowest first.</summary>
    public IReadOnlyList<OrganisationLevel> Levels => _levels;

    /// <summary>The lowest level.</summary>
    public OrganisationLevel Lowest => _levels[0];

    /// <summary>The highest level.</summary>
    public OrganisationLevel Highest => _levels[^1];

    /// <summary>Whether the ladder has this level.</summary>
    /// <param name="level">The level.</param>
    public bool Contains(OrganisationLevel level) => Array.IndexOf(_levels, level) >= 0;

    /// <summary>The level a case goes to when escalated from <paramref name="level"/>, or <see langword="null"/> at the top.</summary>
    /// <param name="level">The current level; need not be on the ladder (the next higher level on it is returned).</param>
    public OrganisationLevel? Next(OrganisationLevel level)
    {
        foreach (var l in _levels)
        {
            if (l > level)
            {
                return l;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public bool Equals(EscalationLadder? other) => other is not null && _levels.AsSpan().SequenceEqual(other._levels);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EscalationLadder);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var l in _levels)
        {
            hash.Add(l);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => Describe(_levels);

    private static string Describe(OrganisationLevel[] levels) => string.Join(" → ", levels);
}
