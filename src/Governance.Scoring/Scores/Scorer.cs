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
/// <para>Facts are counted once per id: a repeated fact about the same person is ignored if it is equal to the first,
/// and throws if it differs (a repeated id about two different people is not detected; ids are expected to be unique
/// per fact). The order of facts changes no points and no line. Facts outside the period are ignored.</para>
/// <para>A rule applies to a fact whose kind it scores, whose date lies in the rule's effective dates, for the role scored.
/// Points are summed per rule per month (or per quarter, for a rule capped per quarter) and capped there, so a quarter
/// is the sum of its months and a year the sum of its quarters, except for rules capped per quarter.</para>
/// <para>Two passes: the first reads the facts in order, matches rules and groups the hits by person (one dictionary
/// look-up per fact); the second scores one person at a time in a small, cache-resident working set. A line's fact ids
/// are sorted (ordinally) the first time they are read, so scoring a district does not pay for sorting explanations no
/// one looks at.</para>
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
    /// <exception cref="ArgumentException">Two facts about one person share an id but differ, or a quantity is negative.</exception>
    public static IReadOnlyList<PersonScore> Score(RuleSet rules, Role role, IEnumerable<ScoringFact> facts, ScoringPeriod period, IEnumerable<Id<Person>>? people = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(period);
        var start = period.Dates.Start;
        var end = period.Dates.End;
        var months = Months(period);
        var ruleIndex = new Dictionary<ScoringRule, int>(ReferenceEqualityComparer.Instance);
        for (var r = 0; r < rules.Rules.Count; r++)
        {
            ruleIndex.TryAdd(rules.Rules[r], r);
        }

        // Fact kinds are usually a handful of shared string instances: look them up by reference first.
        var kindCache = new Dictionary<string, (ScoringRule Rule, int Index)[]>(ReferenceEqualityComparer.Instance);

        // Pass 1: facts in order → hits grouped by person.
        var factList = facts as IReadOnlyList<ScoringFact> ?? facts.ToArray();
        var byPerson = new Dictionary<string, List<Hit>>(StringComparer.Ordinal);
        for (var i = 0; i < factList.Count; i++)
        {
            var fact = factList[i] ?? throw new ArgumentNullException(nameof(facts), $"facts[{i}] is null.");
            var date = fact.Date;
            if (date < start || date > end)
            {
                continue;
            }

            if (fact.Quantity < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(facts), fact.Quantity, $"Fact '{fact.Id}' has a negative quantity; expected 0 or more.");
            }

            ref var kindRules = ref CollectionsMarshal.GetValueRefOrAddDefault(kindCache, fact.Kind, out _);
            kindRules ??= rules.RulesFor(fact.Kind).Select(r => (r, ruleIndex[r])).ToArray();
            List<Hit>? hits = null;
            foreach (var (rule, index) in kindRules)
            {
                if (rule.Role != role || !rule.Effective.Contains(date))
                {
                    continue;
                }

                if (hits is null)
                {
                    ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(byPerson, fact.Person.Value, out _);
                    hits = list ??= [];
                }

                var month = ((date.Year - start.Year) * 12) + date.Month - start.Month;
                var slot = rule.CapPer == CapPeriod.Quarter ? months.Length + (month / 3) : month;
                // Everything pass 2 needs is copied here, while the fact is in cache.
                hits.Add(new Hit(i, index, slot, fact.Id.GetHashCode(StringComparison.Ordinal), fact.Quantity, fact.Id));
            }
        }

        if (people is not null)
        {
            foreach (var person in people)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(byPerson, person.Value, out _) ??= [];
            }
        }

        // Pass 2: one person at a time.
        var periods = months.Concat(Quarters(period)).ToArray();
        var slots = periods.Length;
        var units = new decimal[rules.Rules.Count * slots];
        var counts = new int[rules.Rules.Count * slots];
        var table = new int[128];
        var result = new PersonScore[byPerson.Count];
        var skip = new bool[64];
        var p = 0;
        foreach (var (person, hits) in byPerson)
        {
            var size = table.Length;
            while (size < hits.Count * 2)
            {
                size *= 2;
            }

            if (size != table.Length)
            {
                table = new int[size];
            }
            else
            {
                Array.Clear(table);
            }
            Array.Clear(units);
            Array.Clear(counts);
            var used = new List<int>();
            if (skip.Length < hits.Count)
            {
                skip = new bool[Math.Max(hits.Count, skip.Length * 2)];
            }

            var lastFact = -1;
            var duplicate = false;
            for (var h = 0; h < hits.Count; h++)
            {
                var hit = hits[h];
                if (hit.Fact != lastFact)
                {
                    lastFact = hit.Fact;
                    duplicate = !FirstOfId(table, hits, h, factList, nameof(facts));
                }

                skip[h] = duplicate;
                if (duplicate)
                {
                    continue;
                }

                var cell = (hit.Rule * slots) + hit.Slot;
                if (counts[cell]++ == 0)
                {
                    used.Add(cell);
                }

                units[cell] += hit.Quantity;
            }

            // The fact ids of each line, in one more pass over the person's hits.
            var ids = new string[rules.Rules.Count * slots][];
            foreach (var cell in used)
            {
                ids[cell] = new string[counts[cell]];
                counts[cell] = 0;
            }

            for (var h = 0; h < hits.Count; h++)
            {
                if (!skip[h])
                {
                    var cell = (hits[h].Rule * slots) + hits[h].Slot;
                    ids[cell][counts[cell]++] = hits[h].Id;
                }
            }

            used.Sort((a, b) => a % slots != b % slots ? (a % slots).CompareTo(b % slots) : string.CompareOrdinal(rules.Rules[a / slots].Id, rules.Rules[b / slots].Id));
            var lines = new ScoreLine[used.Count];
            for (var l = 0; l < lines.Length; l++)
            {
                var cell = used[l];
                var rule = rules.Rules[cell / slots];
                var raw = units[cell] * rule.PointsPerUnit;
                var capped = rule.Cap is { } cap && raw > cap ? cap : raw;
                lines[l] = new ScoreLine(rule.Id, rule.NameZh, rule.Kind, periods[cell % slots], new SortedOnRead(ids[cell]), units[cell], raw, capped * rule.Sign, capped < raw);
            }

            result[p++] = new PersonScore(person, period, lines);
        }

        Array.Sort(result, static (x, y) => x.Person.CompareTo(y.Person));
        return result;
    }

    /// <summary>Records hit <paramref name="h"/>'s fact id in the person's open-addressing table (slots hold hit index + 1); false if the id was seen.</summary>
    private static bool FirstOfId(int[] table, List<Hit> hits, int h, IReadOnlyList<ScoringFact> facts, string parameter)
    {
        var hit = hits[h];
        var mask = table.Length - 1;
        for (var i = hit.IdHash & mask; ; i = (i + 1) & mask)
        {
            var occupant = table[i] - 1;
            if (occupant < 0)
            {
                table[i] = h + 1;
                return true;
            }

            var other = hits[occupant];
            if (other.IdHash == hit.IdHash && string.Equals(other.Id, hit.Id, StringComparison.Ordinal))
            {
                var (first, fact) = (facts[other.Fact], facts[hit.Fact]);
                if (!ReferenceEquals(first, fact) && !first.Equals(fact))
                {
                    throw new ArgumentException($"Two facts share the id '{fact.Id}' but differ: {first} and {fact}. A fact's id must identify one fact.", parameter);
                }

                return false;
            }
        }
    }

    private static ScoringPeriod[] Months(ScoringPeriod period) => period.Months.ToArray();

    private static IEnumerable<ScoringPeriod> Quarters(ScoringPeriod period) => period.Kind == ScoringPeriodKind.Month
        ? [ScoringPeriod.Quarter(period.Year, ((period.Number - 1) / 3) + 1)]
        : period.Quarters;

    private readonly record struct Hit(int Fact, int Rule, int Slot, int IdHash, decimal Quantity, string Id);

    /// <summary>A line's fact ids, sorted ordinally the first time anyone reads them (under a lock on the private array, so no lock object per line).</summary>
    private sealed class SortedOnRead(string[] ids) : IReadOnlyList<string>
    {
        private bool _sorted;

        public int Count => ids.Length;

        public string this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)ids.Length, nameof(index));
                return Sorted()[index];
            }
        }

        public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)Sorted()).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private string[] Sorted()
        {
            if (!Volatile.Read(ref _sorted))
            {
                lock (ids)
                {
                    if (!_sorted)
                    {
                        Array.Sort(ids, StringComparer.Ordinal);
                        Volatile.Write(ref _sorted, true);
                    }
                }
            }

            return ids;
        }
    }
}
