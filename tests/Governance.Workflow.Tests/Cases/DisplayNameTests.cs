using Governance.Cases;
using Governance.Sla;

namespace Governance.Tests.Cases;

/// <summary>Every state, trigger, SLA step and satisfaction level has its own zh-CN name (none falls back to the enum's).</summary>
public sealed class DisplayNameTests
{
    [Fact]
    public void Every_sla_step_has_its_own_chinese_name()
    {
        var names = Enum.GetValues<SlaStep>().Select(CaseDisplayNames.Of).ToArray();
        Assert.Equal(names.Length, names.Distinct().Count());
        Assert.All(names, n => Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}+$", n));
        Assert.Equal("认领", CaseDisplayNames.Of(SlaStep.Claim));
    }

    [Fact]
    public void Every_state_has_its_own_chinese_name()
    {
        var names = Enum.GetValues<CaseState>().Select(CaseDisplayNames.Of).ToArray();
        Assert.Equal(names.Length, names.Distinct().Count());
        Assert.All(names, n => Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}+$", n));
    }
}
