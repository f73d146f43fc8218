using FsCheck.Xunit;
using Governance.People;
using Governance.Scoring.Facts;
using Governance.Scoring.Periods;
using Governance.Scoring.Rankings;
using Governance.Scoring.Rules;
using Governance.Scoring.Scores;
using Governance.Scoring.Selection;
using Governance.Testing;

namespace Governance.Tests;

public class SelectionTests
{
    private const PersonAttributes Party = PersonAttributes.PartyMember;
    private const PersonAttributes Leader = PersonAttributes.ResidentGroupLeader;
    private const PersonAttributes Rep = PersonAttributes.ResidentRepresentative;

    [Fact]
    public void A_quarter_of_Churun_like_data_selects_nine_building_heads_three_per_category()
    {
        var org = SeedCommunities.JiuLong();
        var heads = Enumerable.Range(1, 25).Select(i => org.Person($"JL-BH{i}")).ToArray();
        var random = new Random(2023);
        var facts = new List<ScoringFact>();
        foreach (var head in heads)
        {
            for (var month = 1; month <= 3; month++)
            {
                var day = new LocalDate(2026, month, 1);
                facts.AddRange(Enumerable.Range(0, random.Next(1, 5)).Select(i => new ScoringFact($"{head.Id}-m{month}-{i}", head.Id, day.PlusDays(i * 7), ScoringFactKinds.Meeting)));
                facts.AddRange(Enumerable.Range(0, random.Next(0, 4)).Select(i => new ScoringFact($"{head.Id}-s{month}-{i}", head.Id, day.PlusDays(i + 2), ScoringFactKinds.SuggestionBook)));
                facts.Add(new ScoringFact($"{head.Id}-v{month}", head.Id, day.PlusDays(10), ScoringFactKinds.VolunteerService, random.Next(0, 12)));
            }
        }

        var scores = Scorer.Score(RuleSet.BuildingHeadDefaults, Role.BuildingHead, facts, ScoringPeriod.Quarter(2026, 1));
        var ranking = Ranking.Rank(scores).Select(r => r.Score.Person).ToArray();
        var result = ExcellenceSelection.Select(ranking, SelectionQuota.BuildingHeadQuarterly, p => org.Person(p).Attributes);

        Assert.True(result.IsComplete);
        Assert.Equal(9, result.Selected.Count);
        Assert.All(result.Selected.GroupBy(s => s.Quota), g => Assert.Equal(3, g.Count()));
        Assert.All(result.Selected, s => Assert.True(SelectionQuota.BuildingHeadQuarterly.Single(q => q.Name == s.Quota).Admits(org.Person(s.Person).Attributes)));
        Assert.Equal(BruteForce(ranking.Select(p => org.Person(p).Attributes).ToArray(), SelectionQuota.BuildingHeadQuarterly).Take(12), result.Selected.Select(s => s.Position - 1).Where(i => i < 12));
    }

    [Fact]
    public void Overlapping_categories_move_a_person_to_let_a_better_candidate_in_and_unfillable_quotas_are_reported()
    {
        // 1st is party member and group leader; 2nd is only a party member. One party seat, one leader seat:
        // a greedy pass would seat the 1st as the party member and leave the 2nd out; the optimum seats both.
        var attributes = new Dictionary<Id<Person>, PersonAttributes> { ["A"] = Party | Leader, ["B"] = Party, ["C"] = Rep };
        var quotas = new[] { new SelectionQuota("党员", 1, Party), new SelectionQuota("组长", 1, Leader), new SelectionQuota("代表", 2, Rep) };
        var result = ExcellenceSelection.Select(["A", "B", "C"], quotas, p => attributes[p]);
        Assert.Equal(["A", "B", "C"], result.Selected.Select(s => s.Person.Value));
        Assert.Equal("组长", result.Selected[0].Quota);
        Assert.Equal(1, result.Unfilled["代表"]);
        Assert.False(result.IsComplete);
    }

    [Fact]
    public void Zhongtai_selects_fifteen_grid_workers_without_categories()
    {
        var ranking = Enumerable.Range(1, 20).Select(i => (Id<Person>)$"GW{i}").ToArray();
        var result = ExcellenceSelection.Select(ranking, SelectionQuota.GridWorkerExcellence, _ => PersonAttributes.None);
        Assert.Equal(ranking.Take(15), result.Selected.Select(s => s.Person));
    }

    public sealed record Candidates(PersonAttributes[] Attributes, int[] Seats)
    {
        public override string ToString() => $"[{string.Join(",", Attributes.Select(a => (int)a))}] seats [{string.Join(",", Seats)}]";
    }

    private static readonly Gen<Candidates> SmallInputs =
        from n in Gen.Choose(0, 12)
        from attributes in Gen.ArrayOf(Gen.Choose(0, 7).Select(a => (PersonAttributes)a), n)
        from seats in Gen.ArrayOf(Gen.Choose(1, 3), 3)
        select new Candidates(attributes, seats);

    [Property(MaxTest = 500)]
    public Property The_selection_equals_the_brute_force_optimum_and_never_breaks_a_quota() =>
        Prop.ForAll(SmallInputs.ToArbitrary(), input =>
        {
            var quotas = new[] { new SelectionQuota("党员", input.Seats[0], Party), new SelectionQuota("组长", input.Seats[1], Leader), new SelectionQuota("代表", input.Seats[2], Rep) };
            var ranking = input.Attributes.Select((_, i) => (Id<Person>)$"C{i}").ToArray();
            var result = ExcellenceSelection.Select(ranking, quotas, p => input.Attributes[int.Parse(p.Value[1..], System.Globalization.CultureInfo.InvariantCulture)]);
            var chosen = result.Selected.Select(s => s.Position - 1).ToArray();
            var quotasKept = quotas.All(q => result.Selected.Count(s => s.Quota == q.Name) + result.Unfilled.GetValueOrDefault(q.Name) == q.Seats)
                && result.Selected.All(s => quotas.Single(q => q.Name == s.Quota).Admits(input.Attributes[s.Position - 1]));
            return chosen.SequenceEqual(BruteForce(input.Attributes, quotas)) && quotasKept;
        });

    /// <summary>Every subset that can be seated; the largest, then the lexicographically smallest positions.</summary>
    private static int[] BruteForce(PersonAttributes[] attributes, IReadOnlyList<SelectionQuota> quotas)
    {
        var n = Math.Min(attributes.Length, 12);
        var seats = quotas.SelectMany(q => Enumerable.Repeat(q, q.Seats)).ToArray();
        int[]? best = null;
        for (var mask = 0; mask < 1 << n; mask++)
        {
            var members = Enumerable.Range(0, n).Where(i => (mask & (1 << i)) != 0).ToArray();
            if (members.Length > seats.Length || !Seatable(members, 0, new bool[seats.Length]))
            {
                continue;
            }

            if (best is null || members.Length > best.Length || (members.Length == best.Length && Compare(members, best) < 0))
            {
                best = members;
            }
        }

        return best ?? [];

        bool Seatable(int[] members, int k, bool[] used)
        {
            if (k == members.Length)
            {
                return true;
            }

            for (var s = 0; s < seats.Length; s++)
            {
                if (!used[s] && seats[s].Admits(attributes[members[k]]))
                {
                    used[s] = true;
                    if (Seatable(members, k + 1, used))
                    {
                        return true;
                    }

                    used[s] = false;
                }
            }

            return false;
        }

        static int Compare(int[] a, int[] b)
        {
            for (var i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return a[i].CompareTo(b[i]);
                }
            }

            return 0;
        }
    }

    [Fact]
    public void The_vote_takes_one_ballot_per_eligible_voter_and_publishes_the_quota_result()
    {
        var attributes = new Dictionary<Id<Person>, PersonAttributes> { ["A"] = Party, ["B"] = Leader, ["C"] = Rep, ["D"] = Party };
        var vote = new ExcellenceVote(ScoringPeriod.Quarter(2026, 1), ["V1", "V2", "V3"], ["A", "B", "C", "D"], maxChoices: 3);
        vote.Cast("V1", ["D", "B", "C"]);
        vote.Cast("V2", ["D", "A"]);
        Assert.Throws<GovernanceException>(() => vote.Cast("V1", ["A"]));
        Assert.Throws<GovernanceException>(() => vote.Cast("X", ["A"]));
        Assert.Throws<ArgumentException>(() => vote.Cast("V3", ["A", "A"]));
        Assert.Throws<ArgumentException>(() => vote.Cast("V3", ["Z"]));
        Assert.Equal(2, vote.BallotsCast);

        var published = vote.Publish([new SelectionQuota("党员", 1, Party), new SelectionQuota("组长", 1, Leader)], p => attributes[p]);
        Assert.Equal(SelectionMethod.Vote, published.Method);
        Assert.Equal(2, published.Votes[(Id<Person>)"D"]);
        Assert.Equal(["D", "B"], published.Result.Selected.Select(s => s.Person.Value));
    }

    [Fact]
    public void The_committees_annual_nomination_applies_the_quotas_to_their_order_and_publishes_the_reasons()
    {
        var attributes = new Dictionary<Id<Person>, PersonAttributes> { ["A"] = Party, ["B"] = Party, ["C"] = Leader };
        var published = ExcellenceSelection.Nominate(ScoringPeriod.AnnualEvaluation(2026), ["A", "B", "C"],
            [new SelectionQuota("党员", 1, Party), new SelectionQuota("组长", 1, Leader)], p => attributes[p], "上年度四个季度积分总和居前，贡献突出");
        Assert.Equal(SelectionMethod.CommitteeNomination, published.Method);
        Assert.Equal(new LocalDate(2025, 1, 1), published.Period.Dates.Start);
        Assert.Equal(["A", "C"], published.Result.Selected.Select(s => s.Person.Value));
        Assert.Throws<ArgumentException>(() => ExcellenceSelection.Nominate(published.Period, ["A"], [new SelectionQuota("党员", 1, Party)], p => attributes[p], " "));
    }
}
