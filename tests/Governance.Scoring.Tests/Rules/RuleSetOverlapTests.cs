using FsCheck.Xunit;
using Governance.People;
using Governance.Scoring.Facts;
using Governance.Scoring.Rules;
using Governance.Validation;

namespace Governance.Tests.Rules;

/// <summary>The O(n log n) overlap check of rule versions agrees with the pairwise check it replaced.</summary>
public class RuleSetOverlapTests
{
    private static readonly Gen<ScoringRule> Versions =
        from id in Gen.Elements("a", "b", "c")
        from role in Gen.Elements(Role.GridWorker, Role.BuildingHead)
        from start in Gen.Choose(0, 60)
        from length in Gen.Choose(0, 20)
        select new ScoringRule(id, "规则", "Rule", role, RuleKind.Bonus, ScoringFactKinds.Visit, 1,
            effective: new DateInterval(new LocalDate(2026, 1, 1).PlusDays(start), new LocalDate(2026, 1, 1).PlusDays(start + length)));

    [Property(MaxTest = 500)]
    public Property A_rule_set_is_refused_exactly_when_two_versions_of_a_rule_overlap_and_only_overlapping_versions_are_named() =>
        Prop.ForAll(Versions.ListOf().ToArbitrary(), versions =>
        {
            var rules = versions.ToArray();
            var pairwise = new HashSet<string>();
            for (var i = 0; i < rules.Length; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    if (rules[i].Id == rules[j].Id && rules[i].Role == rules[j].Role && rules[i].Effective.Intersection(rules[j].Effective) is not null)
                    {
                        pairwise.Add($"$.rules[{i}]");
                    }
                }
            }

            var e = Record.Exception(() => new RuleSet("generated", rules));
            return e switch
            {
                null => pairwise.Count == 0,
                ValidationFailedException v => pairwise.Count > 0 && v.Errors.All(x => pairwise.Contains(x.Path)),
                _ => false,
            };
        });
}
