using System.Buffers;
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
/// <para>Two passes: the first reads the facts in order and writes one hit per (fact, rule) into working memory rented
/// from <see cref="System.Buffers.ArrayPool{T}.Shared"/> (one dictionary look-up per fact, for the person); a counting
/// sort groups the hits by person; the second pass scores one person at a time in a small, reused working set. All the
/// lines of one scoring keep their fact ids in slices of one array, each slice sorted (ordinally) the first time it is
/// read, so scoring a district does not pay for sorting explanations no one looks at. Lines within a period are
/// ordered by rule id, then by the rule's place in the set.</para>
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
        var periods = months.Concat(Quarters(period)).ToArray();
        var slots = periods.Length;
        var ruleCount = rules.Rules.Count;
        var ruleIndex = new Dictionary<ScoringRule, int>(ReferenceEqualityComparer.Instance);
        for (var r = 0; r < ruleCount; r++)
        {
            ruleIndex.TryAdd(rules.Rules[r], r);
        }

        // Lines are ordered by period, then rule id (then the rule's place in the set, for versions of one rule):
        // cell (rule, slot) sorts by the integer slot · R + rank(rule), so a person's lines sort as plain integers.
        var byRank = Enumerable.Range(0, ruleCount).OrderBy(r => rules.Rules[r].Id, StringComparer.Ordinal).ThenBy(r => r).ToArray();
        var rank = new int[ruleCount];
        for (var k = 0; k < ruleCount; k++)
        {
            rank[byRank[k]] = k;
        }

        // Fact kinds are usually a handful of shared string instances: look them up by reference first.
        var kindCache = new Dictionary<string, (ScoringRule Rule, int Index)[]>(ReferenceEqualityComparer.Instance);
        var personIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var persons = new List<string>();
        // The hits are working memory, rented from the shared pool (a district's quarter is ~10⁶ hits: renting
        // instead of allocating spares the collector 40 MB per scoring) and cleared before they go back.
        var factList = facts as IReadOnlyList<ScoringFact> ?? facts.ToArray();
        var pool = ArrayPool<Hit>.Shared;
        var hits = pool.Rent(Math.Max(factList.Count, 1024));
        var hitCount = 0;
        try
        {
            // Pass 1: the facts in order → hits (everything pass 2 needs, copied while the fact is in cache).
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
                var person = -1;
                foreach (var (rule, index) in kindRules)
                {
                    if (rule.Role != role || !rule.Effective.Contains(date))
                    {
                        continue;
                    }

                    if (person < 0)
                    {
                        person = PersonIndex(personIndex, persons, fact.Person.Value);
                    }

                    if (hitCount == hits.Length)
                    {
                        var larger = pool.Rent(hits.Length * 2);
                        hits.AsSpan(0, hitCount).CopyTo(larger);
                        hits.AsSpan(0, hitCount).Clear();
                        pool.Return(hits);
                        hits = larger;
                    }

                    var month = ((date.Year - start.Year) * 12) + date.Month - start.Month;
                    var slot = rule.CapPer == CapPeriod.Quarter ? months.Length + (month / 3) : month;
                    hits[hitCount++] = new Hit(i, person, (index * slots) + slot, fact.Id.GetHashCode(StringComparison.Ordinal), fact.Quantity, fact.Id);
                }
            }

            if (people is not null)
            {
                foreach (var person in people)
                {
                    PersonIndex(personIndex, persons, person.Value);
                }
            }

            return Tally(rules, period, periods, rank, byRank, persons, hits, hitCount, factList, nameof(facts));
        }
        finally
        {
            hits.AsSpan(0, hitCount).Clear();
            pool.Return(hits);
        }
    }

    private static int PersonIndex(Dictionary<string, int> index, List<string> persons, string person)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(index, person, out var exists);
        if (!exists)
        {
            slot = persons.Count;
            persons.Add(person);
        }

        return slot;
    }

    /// <summary>Pass 2: groups the hits by person (a counting sort), then scores one person at a time in a small, reused working set.</summary>
    private static PersonScore[] Tally(
        RuleSet rules, ScoringPeriod period, ScoringPeriod[] periods, int[] rank, int[] byRank, List<string> persons, Hit[] hits, int hitCount, IReadOnlyList<ScoringFact> facts, string parameter)
    {
        var slots = periods.Length;
        var ruleCount = rules.Rules.Count;
        var cells = ruleCount * slots;
        var personCount = persons.Count;

        var first = new int[personCount + 1];
        for (var h = 0; h < hitCount; h++)
        {
            first[hits[h].Person + 1]++;
        }

        for (var p = 0; p < personCount; p++)
        {
            first[p + 1] += first[p];
        }

        var pool = ArrayPool<Hit>.Shared;
        var grouped = pool.Rent(Math.Max(hitCount, 1));
        try
        {
            var next = first.AsSpan(0, personCount).ToArray();
            for (var h = 0; h < hitCount; h++)
            {
                grouped[next[hits[h].Person]++] = hits[h];
            }

            // Every line's fact ids live in one array, each line's in a slice of it, sorted when first read.
            var ids = new string[hitCount];
            var idCursor = 0;
            var units = new decimal[cells];
            var counts = new int[cells];
            var fill = new int[cells];
            var keys = new int[cells];
            var table = new int[64];
            var skip = new bool[64];
            var result = new PersonScore[personCount];
            for (var p = 0; p < personCount; p++)
            {
                var (from, to) = (first[p], first[p + 1]);
                var count = to - from;
                var size = 64;
                while (size < count * 2)
                {
                    size *= 2;
                }

                if (size > table.Length)
                {
                    table = new int[size];
                    skip = new bool[size];
                }

                var mask = size - 1;
                Array.Clear(table, 0, size);
                var used = 0;
                for (var h = from; h < to; h++)
                {
                    ref readonly var hit = ref grouped[h];
                    // A fact that hits several rules yields consecutive hits; its id is checked once.
                    var duplicate = h > from && grouped[h - 1].Fact == hit.Fact
                        ? skip[h - 1 - from]
                        : !FirstOfId(table, mask, grouped, from, h, facts, parameter);
                    skip[h - from] = duplicate;
                    if (duplicate)
                    {
                        continue;
                    }

                    if (counts[hit.Cell]++ == 0)
                    {
                        keys[used++] = ((hit.Cell % slots) * ruleCount) + rank[hit.Cell / slots];
                    }

                    units[hit.Cell] += hit.Quantity;
                }

                // Lines in order; each takes the next slice of the id array.
                Array.Sort(keys, 0, used);
                var lines = new ScoreLine[used];
                for (var l = 0; l < used; l++)
                {
                    var (ruleAt, slot) = (byRank[keys[l] % ruleCount], keys[l] / ruleCount);
                    var cell = (ruleAt * slots) + slot;
                    fill[cell] = idCursor;
                    idCursor += counts[cell];
                    var rule = rules.Rules[ruleAt];
                    var raw = units[cell] * rule.PointsPerUnit;
                    var capped = rule.Cap is { } cap && raw > cap ? cap : raw;
                    lines[l] = new ScoreLine(rule.Id, rule.NameZh, rule.Kind, periods[slot], new SortedOnRead(ids, fill[cell], counts[cell]), units[cell], raw, capped * rule.Sign, capped < raw);
                    keys[l] = cell;
                }

                for (var h = from; h < to; h++)
                {
                    if (!skip[h - from])
                    {
                        ids[fill[grouped[h].Cell]++] = grouped[h].Id;
                    }
                }

                // Leave the working set clean for the next person: only the cells used were touched.
                for (var l = 0; l < used; l++)
                {
                    units[keys[l]] = 0;
                    counts[keys[l]] = 0;
                }

                result[p] = new PersonScore(persons[p], period, lines);
            }

            Array.Sort(result, static (x, y) => x.Person.CompareTo(y.Person));
            return result;
        }
        finally
        {
            grouped.AsSpan(0, hitCount).Clear();
            pool.Return(grouped);
        }
    }

    /// <summary>Records hit <paramref name="h"/>'s fact id in the person's open-addressing table (slots hold the hit's offset from <paramref name="from"/> + 1); false if the id was seen.</summary>
    private static bool FirstOfId(int[] table, int mask, Hit[] hits, int from, int h, IReadOnlyList<ScoringFact> facts, string parameter)
    {
        ref readonly var hit = ref hits[h];
        for (var i = hit.IdHash & mask; ; i = (i + 1) & mask)
        {
            var occupant = table[i] - 1;
            if (occupant < 0)
            {
                table[i] = h - from + 1;
                return true;
            }

            ref readonly var other = ref hits[from + occupant];
            if (other.IdHash == hit.IdHash && string.Equals(other.Id, hit.Id, StringComparison.Ordinal))
            {
                var (firstFact, fact) = (facts[other.Fact], facts[hit.Fact]);
                if (!ReferenceEquals(firstFact, fact) && !firstFact.Equals(fact))
                {
                    throw new ArgumentException($"Two facts share the id '{fact.Id}' but differ: {firstFact} and {fact}. A fact's id must identify one fact.", parameter);
                }

                return false;
            }
        }
    }

    private static ScoringPeriod[] Months(ScoringPeriod period) => period.Months.ToArray();

    private static IEnumerable<ScoringPeriod> Quarters(ScoringPeriod period) => period.Kind == ScoringPeriodKind.Month
        ? [ScoringPeriod.Quarter(period.Year, ((period.Number - 1) / 3) + 1)]
        : period.Quarters;

    private readonly record struct Hit(int Fact, int Person, int Cell, int IdHash, decimal Quantity, string Id);

    /// <summary>
    /// A line's fact ids: a slice of the array all lines of one scoring share, sorted ordinally the first time anyone
    /// reads it (under a lock on that array, so no lock object per line; sorting a slice takes well under a microsecond).
    /// </summary>
    private sealed class SortedOnRead(string[] ids, int start, int count) : IReadOnlyList<string>
    {
        private bool _sorted;

        public int Count => count;

        public string this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)count, nameof(index));
                Sort();
                return ids[start + index];
            }
        }

        public IEnumerator<string> GetEnumerator()
        {
            Sort();
            for (var i = 0; i < count; i++)
            {
                yield return ids[start + i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private void Sort()
        {
            if (!Volatile.Read(ref _sorted))
            {
                lock (ids)
                {
                    if (!_sorted)
                    {
                        Array.Sort(ids, start, count, StringComparer.Ordinal);
                        Volatile.Write(ref _sorted, true);
                    }
                }
            }
        }
    }
}
