using System.Runtime.InteropServices;
using Governance.Resources;

namespace Governance.Scoring.Scores;

/// <summary>Numbers the people of one scoring 0, 1, 2 … in order of first appearance (ordinal ids).</summary>
/// <remarks>Measured: a direct-mapped cache keyed by reference in front of the dictionary made scoring slower, not faster.</remarks>
internal sealed class PersonIndex
{
    private readonly Dictionary<string, int> _byValue = new(StringComparer.Ordinal);

    /// <summary>The ids, by number.</summary>
    public List<string> Names { get; } = [];

    public int IndexOf(string? person)
    {
        if (person is null)
        {
            throw new ArgumentException(ScoringMessages.Text("FactNamesNoPersonPersonDefault"), "facts");
        }

        ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(_byValue, person, out var exists);
        if (!exists)
        {
            index = Names.Count;
            Names.Add(person);
        }

        return index;
    }
}
