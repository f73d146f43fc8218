using Governance.Scoring.Scores;

namespace Governance.Scoring.Rankings;

/// <summary>排名 — a score with its position (1 for the best).</summary>
/// <param name="Position">1-based position; unique, as ties are broken.</param>
/// <param name="Score">The score.</param>
public sealed record RankedScore(int Position, PersonScore Score);
