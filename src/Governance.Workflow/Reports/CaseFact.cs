using Governance.Organisation;
using Governance.People;

namespace Governance.Reports;

/// <summary>
/// 考核事实 — a plain record of something a grid worker did or that happened on their watch, for scoring to consume
/// (Workflow does not reference Scoring: a host maps these one-to-one onto its scoring facts). <see cref="Kind"/> is one
/// of the codes in <see cref="CaseFactKinds"/>, which the default grid-worker rules of Governance.Scoring use.
/// </summary>
/// <param name="Id">A stable id (the same case and step always give the same id), so scoring counts it once.</param>
/// <param name="Person">Whom it is about.</param>
/// <param name="Grid">The grid.</param>
/// <param name="Date">The local date it happened on.</param>
/// <param name="Kind">What happened: a <see cref="CaseFactKinds"/> code.</param>
/// <param name="Quantity">How many (1 for an occurrence).</param>
/// <param name="Source">What it came from, e.g. the case id.</param>
public sealed record CaseFact(string Id, Id<Person> Person, Id<Grid> Grid, LocalDate Date, string Kind, int Quantity, string Source);
