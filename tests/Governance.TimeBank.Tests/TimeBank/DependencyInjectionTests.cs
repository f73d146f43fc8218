using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;

namespace Governance.Tests.TimeBank;

public class DependencyInjectionTests
{
    [Fact]
    public void AddGovernanceTimeBank_registers_one_ledger_on_the_core_clock_with_the_policy_given()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 1, 5, 1, 0));
        using var provider = new ServiceCollection()
            .AddGovernanceCore(o => o.Clock = clock)
            .AddGovernanceTimeBank(p => p with { MinimumRecipientAge = 65 })
            .BuildServiceProvider();
        var ledger = provider.GetRequiredService<Governance.TimeBank.TimeBankLedger>();
        Assert.Same(ledger, provider.GetRequiredService<Governance.TimeBank.TimeBankLedger>());
        Assert.Equal(65, ledger.Policy.MinimumRecipientAge);
    }
}
