using System.Runtime.InteropServices;
using Governance.People;
using Governance.Scoring.Facts;
using Governance.Scoring.Periods;
using Governance.Scoring.Rules;

namespace Governance.Scoring.Scores;

/// <summary>
/// 积分计算 — scores people in a role over a period from facts and a rule set, with line items.
/// </summary>
/// <remarks>
/// <para>Facts are counted once per id: a repeated fact with the same content is ignored; a repeated id with different
/// content is a caller's mistake and throws. The order of facts changes nothing. Facts outside the period are ignored.</para>
/// <para>A rule applies to a fact whose kind it scores, whose date lies in the rule's effective dates, for the role scored.
/// Points are summed per rule per month (or per quarter, for a rule capped per quarter) and capped there, so a quarter
/// is the sum of its months and a year the sum of its quarters, except for rules capped per quarter.</para>
/// <para>One pass over the facts with one dictionary look-up per fact for de-duplication and one per person; O(n).</para>
/// </remarks>
public static class Scorer
{
    /// <summary>Scores everyone with facts in the period.</summary>
    /// <param name="rules">The rule set.</param>
    /// <param name="role">The role scored (rules for other roles are ignored).</param>
    /// <param name="facts">The facts, in any order, possibly repeated.</param>
    /// <param name="period">The period.</param>
    /// <param name="people">People to include with a zero score if they have no facts; none if null.</param>
    /// <returns>The scores, ordered by person id.</returns>
    /// <exception cref="ArgumentException">Two facts share an id but differ.</exception>
    public static IReadOnlyList<PersonScore> Score(RuleSet rules, Role role, IEnumerable<ScoringFact> facts, ScoringPeriod period, IEnumerable<Id<Person>>? people = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(period);
        var dates = period.Dates;
        var start = dates.Start;
        var end = dates.End;
        var seen = new Dictionary<string, ScoringFact>(facts.TryGetNonEnumeratedCount(out var n) ? n : 0, StringComparer.Ordinal);
        var byPerson = new Dictionary<Id<Person>, List<Bucket>>();
        string? lastKind = null;
        ScoringRule[] kindRules = [];
        foreach (var fact in facts)
        {
            ArgumentNullException.ThrowIfNull(fact, nameof(facts));
            if (fact.Date < start || fact.Date > end)
            {
                continue;
            }

            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(seen, fact.Id, out var exists);
            if (exists)
            {
                if (!slot!.Equals(fact))
                {
                    throw new ArgumentException($"Two facts share the id '{fact.Id}' but differ: {slot} and {fact}. A fact's id must identify one fact.", nameof(facts));
                }

                continue;
            }

            slot = fact;
            if (fact.Quantity < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(facts), fact.Quantity, $"Fact '{fact.Id}' has a negative quantity; expected 0 or more.");
            }

            if (!ReferenceEquals(fact.Kind, lastKind))
            {
                lastKind = fact.Kind;
                kindRules = rules.RulesFor(fact.Kind);
            }

            List<Bucket>? buckets = null;
            foreach (var rule in kindRules)
            {
                if (rule.Role != role || !rule.Effective.Contains(fact.Date))
                {
                    continue;
                }

                if (buckets is null)
                {
                    ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(byPerson, fact.Person, out _);
                    buckets = list ??= [];
                }

                var bucketStart = rule.CapPer == CapPeriod.Quarter
                    ? new LocalDate(fact.Date.Year, (((fact.Date.Month - 1) / 3) * 3) + 1, 1)
                    : new LocalDate(fact.Date.Year, fact.Date.Month, 1);
                var bucket = Find(buckets, rule, bucketStart);
                bucket.Units += fact.Quantity;
                bucket.FactIds.Add(fact.Id);
            }
        }

        if (people is not null)
        {
            foreach (var person in people)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(byPerson, person, out _) ??= [];
            }
        }

        var result = new PersonScore[byPerson.Count];
        var i = 0;
        foreach (var (person, buckets) in byPerson)
        {
            var lines = new ScoreLine[buckets.Count];
            for (var b = 0; b < lines.Length; b++)
            {
                lines[b] = buckets[b].ToLine();
            }

            Array.Sort(lines, static (x, y) => x.Period.Dates.Start != y.Period.Dates.Start
                ? x.Period.Dates.Start.CompareTo(y.Period.Dates.Start)
                : string.CompareOrdinal(x.RuleId, y.RuleId));
            result[i++] = new PersonScore(person, period, lines);
        }

        Array.Sort(result, static (x, y) => x.Person.CompareTo(y.Person));
        return result;
    }

    private static Bucket Find(List<Bucket> buckets, ScoringRule rule, LocalDate start)
    {
        for (var i = buckets.Count - 1; i >= 0; i--)
        {
            var b = buckets[i];
            if (ReferenceEquals(b.Rule, rule) && b.Start == start)
            {
                return b;
            }
        }

        var bucket = new Bucket(rule, start);
        buckets.Add(bucket);
        return bucket;
    }

    private sealed class Bucket(ScoringRule rule, LocalDate start)
    {
        public ScoringRule Rule { get; } = rule;

        public LocalDate Start { get; } = start;

        public decimal Units { get; set; }

        public List<string> FactIds { get; } = [];

        public ScoreLine ToLine()
        {
            var raw = Units * Rule.PointsPerUnit;
            var capped = Rule.Cap is { } cap && raw > cap ? cap : raw;
            FactIds.Sort(StringComparer.Ordinal);
            var period = Rule.CapPer == CapPeriod.Quarter ? ScoringPeriod.Quarter(Start.Year, ((Start.Month - 1) / 3) + 1) : ScoringPeriod.Month(Start.Year, Start.Month);
            return new ScoreLine(Rule.Id, Rule.NameZh, Rule.Kind, period, FactIds.ToArray(), Units, raw, capped * Rule.Sign, capped < raw);
        }
    }
}
