using Governance.People;

namespace Governance.Scoring.Facts;

/// <summary>
/// 积分事实 — something a person did (or that happened on their watch) that rules score: a meeting attended, an entry in
/// the residents' suggestion book, hours of volunteer service, an SLA result … A fact with an id already counted is
/// counted once, however often it is submitted.
/// </summary>
/// <remarks>Equality is by value. <see cref="ScoringFactKinds"/> lists the codes the default rules use; hosts add their own.</remarks>
/// <param name="Id">A stable id, unique per fact.</param>
/// <param name="Person">Whom it is about.</param>
/// <param name="Date">The local date it happened on (in the community's zone).</param>
/// <param name="Kind">What happened: a code such as <c>"meeting"</c> or <c>"sla.breached"</c>.</param>
/// <param name="Quantity">How many units (1 for an occurrence; hours for volunteer service; the score for an appraisal); 0 to <see cref="MaxQuantity"/>.</param>
/// <param name="VerifiedBy">Who verified it, if anyone.</param>
/// <param name="Note">Free text for the explanation.</param>
public sealed record ScoringFact(string Id, Id<Person> Person, LocalDate Date, string Kind, decimal Quantity = 1, Id<Person>? VerifiedBy = null, string? Note = null)
{
    /// <summary>The largest quantity one fact can carry (a million units): with the rules' largest points a unit, any
    /// district's scores stay far inside <see cref="decimal"/>.</summary>
    public const decimal MaxQuantity = 1_000_000m;
}
