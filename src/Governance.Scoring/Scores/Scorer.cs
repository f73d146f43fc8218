using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Governance.Diagnostics;
using Governance.People;
using Governance.Resources;
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
/// <para>Facts are dated in the ISO calendar (a fact in another calendar is rejected with its id).</para>
/// <para>Two passes: the first reads the facts in order and writes one hit per (fact, rule) into working memory rented
/// from <see cref="System.Buffers.ArrayPool{T}.Shared"/>; a counting sort groups the hits by person; the second pass
/// scores one person at a time in a small, reused working set. The lines of one scoring live in a few arrays they
/// share (a <see cref="ScoreLine"/> is a handle on one of them: 24 bytes of storage a line, not an object), and their
/// facts in slices of one array, each slice sorted by id the first time it is read, so scoring a district does not
/// pay for sorting explanations no one looks at. The scores keep the facts they counted (not the caller's
/// collection). Lines within a period are ordered by rule id, then by the rule's place in the set.</para>
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
    /// <exception cref="ArgumentException">Two facts about one person share an id but differ, a quantity is negative or above <see cref="ScoringFact.MaxQuantity"/>, a fact is null, has no id or kind, names no person, or is dated in a calendar other than ISO.</exception>
    public static IReadOnlyList<PersonScore> Score(RuleSet rules, Role role, IEnumerable<ScoringFact> facts, ScoringPeriod period, IEnumerable<Id<Person>>? people = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(period);
        using var activity = ScoringTelemetry.Source.StartActivity("scoring.run");
        activity?.SetTag("role", role.ToString());
        activity?.SetTag("period", period.ToString());
        var started = ScoringTelemetry.Start();
        var plan = new ScoringPlan(rules, role, period);
        using var pass = new FirstPass(plan, facts.TryGetNonEnumeratedCount(out var count) ? count : 0);
        switch (facts)
        {
            case ScoringFact[] array:
                pass.AddAll(array);
                break;
            case List<ScoringFact> list:
                pass.AddAll(CollectionsMarshal.AsSpan(list));
                break;
            default:
                foreach (var fact in facts)
                {
                    pass.Add(fact);
                }

                break;
        }

        if (people is not null)
        {
            foreach (var person in people)
            {
                pass.Persons.IndexOf(person.Value);
            }
        }

        var scores = Tally(plan, pass);
        ScoringTelemetry.Finished(started, role.ToString(), pass.HitCount);
        return scores;
    }

    /// <summary>Pass 2: groups the hits by person (a counting sort), then scores one person at a time, in order of id, in a small, reused working set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static PersonScore[] Tally(ScoringPlan plan, FirstPass pass)
    {
        var (hits, hitCount, facts, persons) = (pass.Hits, pass.HitCount, pass.Kept, pass.Persons.Names);
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

            var order = Enumerable.Range(0, personCount).ToArray();
            Array.Sort(persons.ToArray(), order, StringComparer.Ordinal);

            var sheet = new ScoreSheet(plan, facts, hitCount, hitCount / 2);
            var counted = sheet.Counted;
            var idCursor = 0;
            var cells = plan.Cells;
            var units = new decimal[cells];
            var whole = new long[cells];
            var counts = new int[cells];
            var fill = new int[cells];
            var keys = new int[cells];
            var table = new int[64];
            var skip = new bool[64];
            var result = new PersonScore[personCount];
            for (var k = 0; k < personCount; k++)
            {
                var p = order[k];
                var (from, to) = (first[p], first[p + 1]);
                var size = 64;
                while (size < (to - from) * 2)
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
                        : !FirstOfId(table, mask, grouped, from, h, facts);
                    skip[h - from] = duplicate;
                    if (duplicate)
                    {
                        continue;
                    }

                    if (counts[hit.Cell]++ == 0)
                    {
                        keys[used++] = plan.SortKey(hit.Cell);
                    }

                    if (hit.Whole >= 0)
                    {
                        whole[hit.Cell] += hit.Whole;
                    }
                    else
                    {
                        units[hit.Cell] += facts[hit.Fact].Quantity;
                    }
                }

                // Lines in order, each taking the next slice of the fact array.
                Array.Sort(keys, 0, used);
                var firstLine = sheet.LineCount;
                var sums = default(PointSums);
                for (var l = 0; l < used; l++)
                {
                    var cell = plan.CellOfSortKey(keys[l]);
                    fill[cell] = idCursor;
                    idCursor += counts[cell];
                    var (rule, lineUnits) = (plan.RuleOf(cell), units[cell] + whole[cell]);
                    sheet.AddLine(cell, fill[cell], lineUnits);
                    sums.Add(rule, ScoreSheet.Points(rule, lineUnits));
                    keys[l] = cell;
                }

                for (var h = from; h < to; h++)
                {
                    if (!skip[h - from])
                    {
                        counted[fill[grouped[h].Cell]++] = grouped[h].Fact;
                    }
                }

                // Leave the working set clean for the next person: only the cells used were touched.
                for (var l = 0; l < used; l++)
                {
                    units[keys[l]] = 0;
                    whole[keys[l]] = 0;
                    counts[keys[l]] = 0;
                }

                result[k] = new PersonScore(persons[p], plan.Period, new LineList(sheet, firstLine, used, sums));
            }

            sheet.Seal(idCursor);
            return result;
        }
        finally
        {
            pool.Return(grouped);
        }
    }

    /// <summary>Records hit <paramref name="h"/>'s fact id in the person's open-addressing table (slots hold the hit's offset from <paramref name="from"/> + 1); false if the id was seen.</summary>
    private static bool FirstOfId(int[] table, int mask, Hit[] hits, int from, int h, ScoringFact[] facts)
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
            if (other.IdHash != hit.IdHash)
            {
                continue;
            }

            var (firstFact, fact) = (facts[other.Fact], facts[hit.Fact]);
            if (string.Equals(firstFact.Id, fact.Id, StringComparison.Ordinal))
            {
                if (!ReferenceEquals(firstFact, fact) && !firstFact.Equals(fact))
                {
                    throw new ArgumentException(ScoringMessages.Format("TwoFactsShareIdButDiffer", fact.Id, firstFact, fact), "facts");
                }

                return false;
            }
        }
    }

    /// <summary>
    /// What pass 2 needs of one (fact, rule): the fact's index among the kept facts, the person's, the cell (rule × month
    /// or quarter), the id's hash, and the quantity if it is a whole number below 2³² (−1 if not: then pass 2 reads
    /// it from the fact). Whole quantities (occurrences) are summed as integers, and each line adds its decimal part
    /// once: the same value, with the same scale, as summing every quantity as a decimal. No references, so moving
    /// hits costs no write barriers.
    /// </summary>
    internal readonly record struct Hit(int Fact, int Person, int Cell, int IdHash, long Whole)
    {
        /// <summary>The quantity as a whole number, or −1 if it has a scale, a sign or 2³² or more.</summary>
        public static long WholeOf(decimal quantity)
        {
            Span<int> bits = stackalloc int[4];
            decimal.GetBits(quantity, bits);
            return (bits[1] | bits[2] | bits[3]) == 0 ? (uint)bits[0] : -1;
        }
    }

    /// <summary>
    /// Pass 1: reads the facts in order, keeps those some rule scores (the scores refer to them, never to the caller's
    /// collection), and writes one hit per (fact, rule) into working memory rented from the shared pool (a district's
    /// quarter is ~10⁶ hits: renting instead of allocating spares the collector 32 MB per scoring).
    /// </summary>
    private sealed class FirstPass(ScoringPlan plan, int expected) : IDisposable
    {
        private int _position;

        public PersonIndex Persons { get; } = new();

        public Hit[] Hits { get; private set; } = ArrayPool<Hit>.Shared.Rent(Math.Max(expected, 1024));

        public int HitCount { get; private set; }

        public ScoringFact[] Kept { get; private set; } = new ScoringFact[Math.Max(expected, 16)];

        private int KeptCount { get; set; }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void AddAll(ReadOnlySpan<ScoringFact> facts)
        {
            foreach (var fact in facts)
            {
                Add(fact);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(ScoringFact? fact)
        {
            var position = _position++;
            if (fact is null)
            {
                throw new ArgumentNullException("facts", ScoringMessages.Format("FactsNull", position));
            }

            var month = plan.MonthOf(fact, "facts");
            if (month < 0)
            {
                return;
            }

            var quantity = fact.Quantity;
            if (quantity < 0 || quantity > ScoringFact.MaxQuantity)
            {
                throw new ArgumentOutOfRangeException("facts", quantity, ScoringMessages.Format("FactQuantityExpected", fact.Id, quantity, ScoringFact.MaxQuantity));
            }

            if (string.IsNullOrWhiteSpace(fact.Id) || string.IsNullOrWhiteSpace(fact.Kind))
            {
                throw new ArgumentException(ScoringMessages.Format("FactsNeedsIdKindWas", position, fact.Id, fact.Kind), "facts");
            }

            var targets = plan.TargetsFor(fact.Kind);
            var day = ScoringPlan.DayKey(fact.Date);
            int person = -1, idHash = 0;
            var whole = -1L;
            foreach (var target in targets)
            {
                if (day < target.From || day > target.To)
                {
                    continue;
                }

                if (person < 0)
                {
                    person = Persons.IndexOf(fact.Person.Value);
                    idHash = fact.Id.GetHashCode(StringComparison.Ordinal);
                    whole = Hit.WholeOf(quantity);
                    if (KeptCount == Kept.Length)
                    {
                        Kept = Grow(Kept);
                    }

                    Kept[KeptCount++] = fact;
                }

                if (HitCount == Hits.Length)
                {
                    var larger = ArrayPool<Hit>.Shared.Rent(Hits.Length * 2);
                    Hits.AsSpan(0, HitCount).CopyTo(larger);
                    ArrayPool<Hit>.Shared.Return(Hits);
                    Hits = larger;
                }

                Hits[HitCount++] = new Hit(KeptCount - 1, person, plan.Cell(target, month), idHash, whole);
            }
        }

        public void Dispose() => ArrayPool<Hit>.Shared.Return(Hits);

        private static ScoringFact[] Grow(ScoringFact[] kept)
        {
            var larger = new ScoringFact[kept.Length * 2];
            kept.CopyTo(larger, 0);
            return larger;
        }
    }
}
