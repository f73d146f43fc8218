using Governance.Calendars;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;

namespace Governance.Tests;

public class DependencyInjectionTests
{
    [Fact]
    public void AddGovernanceCore_registers_clock_calendar_and_calculator_with_China_defaults()
    {
        using var provider = new ServiceCollection().AddGovernanceCore().BuildServiceProvider();
        Assert.Same(ChinaCalendar.Mainland, provider.GetRequiredService<BusinessCalendar>());
        Assert.Equal("Asia/Shanghai", provider.GetRequiredService<DeadlineCalculator>().Zone.Id);
        Assert.NotNull(provider.GetRequiredService<IClock>());
    }

    [Fact]
    public void A_clock_the_host_registered_first_is_kept()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 1, 5, 1, 0));
        using var provider = new ServiceCollection().AddSingleton<IClock>(clock).AddGovernanceCore().BuildServiceProvider();
        Assert.Same(clock, provider.GetRequiredService<IClock>());
    }

    [Fact]
    public void Options_choose_the_clock_and_zone()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 1, 5, 1, 0));
        using var provider = new ServiceCollection()
            .AddGovernanceCore(o => { o.Clock = clock; o.TimeZone = DateTimeZone.Utc; })
            .BuildServiceProvider();
        Assert.Same(clock, provider.GetRequiredService<IClock>());
        Assert.Equal(DateTimeZone.Utc, provider.GetRequiredService<DeadlineCalculator>().Zone);
    }
}
