using Governance.Scoring.Facts;
using Governance.Scoring.Periods;
using Governance.Scoring.Rules;

namespace Governance.Scoring.Scores;

/// <summary>
/// The lines of one scoring, stored by column: each line's cell (rule × period), the start of its slice of the
/// counted facts, and its units — 24 bytes a line in a few shared arrays, where a line object would be a hundred
/// bytes for the collector to trace. Points are computed from the units when read. A line's facts are sorted by id
/// (ordinally) the first time they are read, under the sheet's lock (sorting a slice takes about a microsecond).
/// </summary>
internal sealed class ScoreSheet(ScoringPlan plan, ScoringFact[] facts, int countedCapacity, int expectedLines)
{
    private readonly Lock _gate = new();
    private int[] _cells = new int[Math.Max(expectedLines, 16)];
    private int[] _starts = new int[Math.Max(expectedLines, 16) + 1];
    private decimal[] _units = new decimal[Math.Max(expectedLines, 16)];
    private ulong[] _sorted = [];

    /// <summary>Each line's facts, as indices into the kept facts, line after line.</summary>
    public int[] Counted { get; } = new int[countedCapacity];

    public int LineCount { get; private set; }

    /// <summary>The signed, capped points of <paramref name="units"/> under <paramref name="rule"/>.</summary>
    public static decimal Points(ScoringRule rule, decimal units)
    {
        var raw = units * rule.PointsPerUnit;
        var capped = rule.Cap is { } cap && raw > cap ? cap : raw;
        return rule.Kind == RuleKind.Deduction ? -capped : capped;
    }

    /// <summary>Appends a line.</summary>
    public void AddLine(int cell, int start, decimal units)
    {
        if (LineCount == _cells.Length)
        {
            Array.Resize(ref _cells, _cells.Length * 2);
            Array.Resize(ref _starts, _cells.Length + 1);
            Array.Resize(ref _units, _cells.Length);
        }

        (_cells[LineCount], _starts[LineCount], _units[LineCount]) = (cell, start, units);
        LineCount++;
    }

    /// <summary>Ends the sheet: <paramref name="end"/> is where the last line's facts end.</summary>
    public void Seal(int end)
    {
        _starts[LineCount] = end;
        _sorted = new ulong[(LineCount + 63) / 64];
    }

    public ScoringRule RuleOf(int line) => plan.RuleOf(_cells[line]);

    public ScoringPeriod PeriodOf(int line) => plan.PeriodOf(_cells[line]);

    public decimal UnitsOf(int line) => _units[line];

    public int CountOf(int line) => _starts[line + 1] - _starts[line];

    /// <summary>The line's facts, ordered by id.</summary>
    public IReadOnlyList<ScoringFact> Facts(int line)
    {
        SortOnce(line);
        return new FactList(facts, Counted, _starts[line], CountOf(line));
    }

    /// <summary>Their ids, in the same order.</summary>
    public IReadOnlyList<string> FactIds(int line)
    {
        SortOnce(line);
        return new FactIdList(facts, Counted, _starts[line], CountOf(line));
    }

    private void SortOnce(int line)
    {
        var (word, bit) = (line >> 6, 1UL << (line & 63));
        if ((Volatile.Read(ref _sorted[word]) & bit) != 0)
        {
            return;
        }

        lock (_gate)
        {
            if ((_sorted[word] & bit) == 0)
            {
                var all = facts;
                Counted.AsSpan(_starts[line], CountOf(line)).Sort((x, y) => string.CompareOrdinal(all[x].Id, all[y].Id));
                Volatile.Write(ref _sorted[word], _sorted[word] | bit);
            }
        }
    }

    private sealed class FactList(ScoringFact[] facts, int[] counted, int start, int count) : ReadOnlyView<ScoringFact>(count)
    {
        protected override ScoringFact At(int index) => facts[counted[start + index]];
    }

    private sealed class FactIdList(ScoringFact[] facts, int[] counted, int start, int count) : ReadOnlyView<string>(count)
    {
        protected override string At(int index) => facts[counted[start + index]].Id;
    }
}

/// <summary>One person's lines: a range of a sheet's lines, with their sums computed as they were written.</summary>
internal sealed class LineList(ScoreSheet sheet, int first, int count, PointSums sums) : ReadOnlyView<ScoreLine>(count)
{
    public PointSums Sums => sums;

    protected override ScoreLine At(int index) => new(sheet, first + index);
}

/// <summary>A score's four sums.</summary>
internal struct PointSums
{
    public decimal Total;
    public decimal Base;
    public decimal Bonus;
    public decimal Deductions;

    public void Add(ScoringRule rule, decimal points)
    {
        Total += points;
        switch (rule.Kind)
        {
            case RuleKind.Base: Base += points; break;
            case RuleKind.Bonus: Bonus += points; break;
            case RuleKind.Deduction: Deductions += points; break;
        }
    }
}

/// <summary>A read-only list whose items are computed from an index.</summary>
internal abstract class ReadOnlyView<T>(int count) : IReadOnlyList<T>
{
    public int Count => count;

    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)count, nameof(index));
            return At(index);
        }
    }

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
        {
            yield return At(i);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    protected abstract T At(int index);
}
