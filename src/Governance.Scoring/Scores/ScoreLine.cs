using Governance.Resources;
using Governance.Scoring.Facts;
using Governance.Scoring.Periods;
using Governance.Scoring.Rules;

namespace Governance.Scoring.Scores;

/// <summary>
/// 计分明细 — one line of an explained score: one rule over one cap period (a month, or a quarter for a rule capped
/// per quarter), the facts it counted, and the points after the cap. A score's total is the sum of its lines.
/// </summary>
/// <remarks>
/// <para>A value (a read-only struct, equal by rule, period, units, points and fact ids), made by <see cref="Scorer"/>:
/// a handle on one line of its scoring, whose lines are stored together (a district's quarter has a quarter of a
/// million lines: as objects, they would be that many more for the collector to trace). A line refers to the facts it
/// counted, so keeping a score keeps those facts. <c>default(ScoreLine)</c> is not a line: reading its
/// rule throws <see cref="InvalidOperationException"/>.</para>
/// <para>The facts of all the lines of one scoring share one array; a line's facts are sorted by id the first time they
/// are read, so explanations no one reads cost no sorting.</para>
/// </remarks>
public readonly struct ScoreLine : IEquatable<ScoreLine>
{
    private readonly ScoreSheet? _sheet;
    private readonly int _line;

    internal ScoreLine(ScoreSheet sheet, int line)
    {
        _sheet = sheet;
        _line = line;
    }

    /// <summary>The rule (the version in effect on the facts' dates).</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(ScoreLine)</c>, not a line made by the scorer.</exception>
    public ScoringRule Rule => Sheet.RuleOf(_line);

    /// <summary>The rule's id.</summary>
    public string RuleId => Rule.Id;

    /// <summary>The rule's zh-CN name.</summary>
    public string RuleName => Rule.NameZh;

    /// <summary>Base, bonus or deduction.</summary>
    public RuleKind Kind => Rule.Kind;

    /// <summary>The month or quarter the line covers.</summary>
    public ScoringPeriod Period => Sheet.PeriodOf(_line);

    /// <summary>The ids of the facts counted, ordered (ordinally).</summary>
    public IReadOnlyList<string> FactIds => Sheet.FactIds(_line);

    /// <summary>The facts counted, ordered by id: with their dates, verifiers and notes, for an explanation.</summary>
    public IReadOnlyList<ScoringFact> Facts => Sheet.Facts(_line);

    /// <summary>The sum of the counted facts' quantities.</summary>
    public decimal Units => Sheet.UnitsOf(_line);

    /// <summary>Units × points per unit, before the cap (not signed).</summary>
    public decimal RawPoints => Units * Rule.PointsPerUnit;

    /// <summary>The points counted: capped, and negative for a deduction.</summary>
    public decimal Points => ScoreSheet.Points(Rule, Units);

    /// <summary>Whether the cap cut the points.</summary>
    public bool CapApplied => Rule.Cap is { } cap && RawPoints > cap;

    /// <summary>Whether two lines are equal: the same rule, period, units, points and fact ids.</summary>
    /// <param name="left">A line.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(ScoreLine left, ScoreLine right) => left.Equals(right);

    /// <summary>Whether two lines differ.</summary>
    /// <param name="left">A line.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(ScoreLine left, ScoreLine right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(ScoreLine other)
    {
        if (_sheet is null || other._sheet is null)
        {
            return _sheet == other._sheet;
        }

        return Rule.Equals(other.Rule) && Period.Equals(other.Period) && Units == other.Units && Points == other.Points
            && FactIds.SequenceEqual(other.FactIds, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ScoreLine other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _sheet is null ? 0 : HashCode.Combine(RuleId, Period, Units);

    /// <summary>The line as one would read it aloud, e.g. <c>2026-03 bh.meeting 参加楼长会议: 5 facts, 5 units → 8 (capped from 10)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => _sheet is null
        ? "(no line)"
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Period} {RuleId} {RuleName}: {Sheet.CountOf(_line)} facts, {Units} units → {Points}{(CapApplied ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" (capped from {Rule.Sign * RawPoints})") : string.Empty)}");

    private ScoreSheet Sheet => _sheet ?? throw new InvalidOperationException(ScoringMessages.Text("DefaultScoreLineLineLinesComeScorer"));
}
