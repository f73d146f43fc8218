using Governance.People;
using Governance.Resources;

namespace Governance.Scoring.Rules;

/// <summary>
/// 计分规则 — a plain rule: for each fact of <see cref="FactKind"/> dated within <see cref="Effective"/>, about a
/// person scored in <see cref="Role"/>, <see cref="PointsPerUnit"/> points per unit of the fact's quantity, added
/// (base, bonus) or subtracted (deduction), up to an optional cap per month or quarter.
/// </summary>
/// <remarks>Equality is by value. A rule set may hold several versions of one rule id with effective intervals that do
/// not overlap, so a rule can change on 1 July without rewriting history.</remarks>
public sealed record ScoringRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="nameZh">Its zh-CN name.</param>
    /// <param name="nameEn">Its English name.</param>
    /// <param name="role">The role it applies to.</param>
    /// <param name="kind">Base, bonus or deduction.</param>
    /// <param name="factKind">The fact code it scores.</param>
    /// <param name="pointsPerUnit">Points per unit of quantity; positive and at most <see cref="MaxPointsPerUnit"/> (a deduction's sign comes from its kind).</param>
    /// <param name="cap">The most points (in absolute value) per <paramref name="capPer"/>; positive and at most <see cref="MaxCap"/>, or null for none.</param>
    /// <param name="capPer">The cap's period.</param>
    /// <param name="effective">The dates it applies to; all dates if null.</param>
    /// <exception cref="ArgumentException">A name or code is empty, or a number is out of range.</exception>
    public ScoringRule(string id, string nameZh, string nameEn, Role role, RuleKind kind, string factKind, decimal pointsPerUnit, decimal? cap = null, CapPeriod capPer = CapPeriod.Month, DateInterval? effective = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(nameZh);
        ArgumentException.ThrowIfNullOrWhiteSpace(nameEn);
        ArgumentException.ThrowIfNullOrWhiteSpace(factKind);
        if (pointsPerUnit is <= 0 or > MaxPointsPerUnit)
        {
            throw new ArgumentOutOfRangeException(nameof(pointsPerUnit), pointsPerUnit, ScoringMessages.Format("RuleNeedsPositivePointsPerUnit", id, MaxPointsPerUnit));
        }

        if (cap is <= 0 or > MaxCap)
        {
            throw new ArgumentOutOfRangeException(nameof(cap), cap, ScoringMessages.Format("RuleNeedsPositiveCapMostNone", id, MaxCap));
        }

        if (!Enum.IsDefined(role))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, ScoringMessages.Format("RuleNamesRoleDefined", id, (int)role));
        }

        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, ScoringMessages.Text("ExpectedBaseBonusDeduction"));
        }

        if (!Enum.IsDefined(capPer))
        {
            throw new ArgumentOutOfRangeException(nameof(capPer), capPer, ScoringMessages.Text("ExpectedMonthQuarter"));
        }

        Id = id;
        NameZh = nameZh;
        NameEn = nameEn;
        Role = role;
        Kind = kind;
        FactKind = factKind;
        PointsPerUnit = pointsPerUnit;
        Cap = cap;
        CapPer = capPer;
        Effective = effective ?? new DateInterval(new LocalDate(1900, 1, 1), new LocalDate(9999, 12, 31));
    }

    /// <summary>The most points a unit of quantity can carry: 10,000 (so no score can overflow).</summary>
    public const decimal MaxPointsPerUnit = 10_000m;

    /// <summary>The largest cap: 1,000,000 points.</summary>
    public const decimal MaxCap = 1_000_000m;

    /// <summary>Its id.</summary>
    public string Id { get; }

    /// <summary>Its zh-CN name.</summary>
    public string NameZh { get; }

    /// <summary>Its English name.</summary>
    public string NameEn { get; }

    /// <summary>The role it applies to.</summary>
    public Role Role { get; }

    /// <summary>Base, bonus or deduction.</summary>
    public RuleKind Kind { get; }

    /// <summary>The fact code it scores.</summary>
    public string FactKind { get; }

    /// <summary>Points per unit.</summary>
    public decimal PointsPerUnit { get; }

    /// <summary>The cap in points per <see cref="CapPer"/>, if any.</summary>
    public decimal? Cap { get; }

    /// <summary>The cap's period.</summary>
    public CapPeriod CapPer { get; }

    /// <summary>The dates it applies to.</summary>
    public DateInterval Effective { get; }

    /// <summary>+1 for base and bonus rules, −1 for deductions.</summary>
    public int Sign => Kind == RuleKind.Deduction ? -1 : 1;
}
