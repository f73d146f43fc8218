using Governance.People;

namespace Governance.TimeBank;

/// <summary>亲属关系 — two people with accounts who are related (it holds both ways), for gifts and for using a relative's credit.</summary>
/// <param name="Person">One person.</param>
/// <param name="Relative">The other person.</param>
/// <param name="Kind">How they are related.</param>
public sealed record TimeBankRelation(Id<Person> Person, Id<Person> Relative, RelationKind Kind);
