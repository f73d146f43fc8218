using Governance.Cases;
using Governance.Resources;

namespace Governance.Reports;

/// <summary>
/// 典型案例库 — finds recurring problems (seed 000): cases of the same category at the same place registered at least
/// <see cref="Threshold"/> times within any window of <see cref="Window"/>. A case contributes if it lies in such a
/// window; each (category, place) with contributing cases is one <see cref="TypicalCase"/>.
/// </summary>
/// <remarks>Defaults: 3 within 30 days (30 × 24 hours between the first and the last registration), by building.
/// O(n log n): cases are grouped and sorted, then one sliding window per group.</remarks>
public sealed class TypicalCaseDetector
{
    /// <summary>Creates a detector.</summary>
    /// <param name="threshold">How many cases make a recurrence; at least 2. 3 by default.</param>
    /// <param name="window">The window; positive. 30 days by default.</param>
    /// <param name="place">What "the same place" means; the building by default.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public TypicalCaseDetector(int threshold = 3, Duration? window = null, RecurrencePlace place = RecurrencePlace.Building)
    {
        if (threshold < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, WorkflowMessages.Text("RecurrenceNeedsLeastCases"));
        }

        var w = window ?? Duration.FromDays(30);
        if (w <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(window), w, WorkflowMessages.Text("ExpectedPositiveWindow"));
        }

        Threshold = threshold;
        Window = w;
        Place = place;
    }

    /// <summary>How many cases make a recurrence.</summary>
    public int Threshold { get; }

    /// <summary>The window.</summary>
    public Duration Window { get; }

    /// <summary>What "the same place" means.</summary>
    public RecurrencePlace Place { get; }

    /// <summary>The place key of a case.</summary>
    /// <param name="registration">The case's registration.</param>
    /// <returns>The building id (or grid id) or the grid id, as <see cref="Place"/> says.</returns>
    public string PlaceOf(CaseRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return Place == RecurrencePlace.Building && registration.Location.BuildingId is { } building
            ? "building:" + building.Value
            : "grid:" + registration.Location.GridId.Value;
    }

    /// <summary>Finds the typical cases among <paramref name="cases"/>.</summary>
    /// <param name="cases">The registrations to examine (any order).</param>
    /// <returns>The typical cases, ordered by category code and place.</returns>
    public IReadOnlyList<TypicalCase> Detect(IEnumerable<CaseRegistration> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var result = new List<TypicalCase>();
        var groups = cases.GroupBy(c => (c.Category.Code, Place: PlaceOf(c)))
            .OrderBy(g => g.Key.Code, StringComparer.Ordinal).ThenBy(g => g.Key.Place, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var sorted = group.OrderBy(c => c.RegisteredAt).ThenBy(c => c.Id.Value, StringComparer.Ordinal).ToArray();
            var marked = new bool[sorted.Length];
            var any = false;
            var right = 0;
            for (var left = 0; left < sorted.Length; left++)
            {
                right = Math.Max(right, left);
                while (right + 1 < sorted.Length && sorted[right + 1].RegisteredAt - sorted[left].RegisteredAt <= Window)
                {
                    right++;
                }

                if (right - left + 1 >= Threshold)
                {
                    any = true;
                    for (var k = left; k <= right; k++)
                    {
                        marked[k] = true;
                    }
                }
            }

            if (any)
            {
                var members = sorted.Where((_, i) => marked[i]).ToArray();
                result.Add(new TypicalCase(sorted[0].Category, group.Key.Place, members.Select(c => c.Id).ToArray(), members[0].RegisteredAt, members[^1].RegisteredAt));
            }
        }

        return result;
    }
}
