using Governance.TimeBank;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Tests.TimeBank;

/// <summary>One time zone: the time bank computes in Core's, and a policy naming another is refused.</summary>
public class TimeBankDependencyInjectionTests
{
    [Fact]
    public void The_ledger_computes_in_cores_one_time_zone()
    {
        using var provider = new ServiceCollection().AddGovernanceTimeBank().AddGovernanceCore(o => o.TimeZoneId = "Asia/Urumqi").BuildServiceProvider();
        Assert.Equal("Asia/Urumqi", provider.GetRequiredService<TimeBankPolicy>().TimeZone.Id);
        Assert.NotNull(provider.GetRequiredService<TimeBankLedger>());

        using var conflicting = new ServiceCollection().AddGovernanceCore()
            .AddGovernanceTimeBank(p => p with { TimeZone = DateTimeZone.Utc }).BuildServiceProvider();
        var e = Assert.Throws<InvalidOperationException>(() => conflicting.GetRequiredService<TimeBankLedger>());
        Assert.Contains("one time zone", e.Message);
    }
}
