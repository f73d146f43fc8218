using Governance.Calendars;
using Microsoft.Extensions.Configuration;
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

    [Fact]
    public void Calls_compose_in_any_order_and_the_zone_binds_from_configuration()
    {
        // A later AddGovernanceCore (after another package registered Core's defaults) still applies.
        using var later = new ServiceCollection().AddGovernanceCore().AddGovernanceCore(o => o.TimeZoneId = "Asia/Urumqi").BuildServiceProvider();
        Assert.Equal("Asia/Urumqi", later.GetRequiredService<DateTimeZone>().Id);

        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Governance:Core:TimeZoneId"] = "Asia/Harbin" })
            .Build();
        using var bound = new ServiceCollection().AddGovernanceCore()
            .Configure<Governance.DependencyInjection.GovernanceCoreOptions>(configuration.GetSection("Governance:Core")).BuildServiceProvider();
        Assert.Equal("Asia/Harbin", bound.GetRequiredService<DeadlineCalculator>().Zone.Id);
    }

    [Fact]
    public void A_bad_setting_is_an_options_validation_error_naming_it()
    {
        using var unknown = new ServiceCollection().AddGovernanceCore(o => o.TimeZoneId = "Mars/Olympus").BuildServiceProvider();
        var e = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => unknown.GetRequiredService<DateTimeZone>());
        Assert.Contains("Mars/Olympus", e.Message);

        using var two = new ServiceCollection().AddGovernanceCore(o => { o.TimeZone = DateTimeZone.Utc; o.TimeZoneId = "Asia/Shanghai"; }).BuildServiceProvider();
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => two.GetRequiredService<DeadlineCalculator>());
    }
}
