using Governance.Calendars;
using Governance.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Governance.Core's services with a host's container.</summary>
public static class GovernanceCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IClock"/> (the system clock unless the host supplies one), the
    /// <see cref="BusinessCalendar"/>, the <see cref="DateTimeZone"/> and the <see cref="DeadlineCalculator"/>,
    /// as singletons. Services the host registered first are kept.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; China's calendar in Asia/Shanghai by default.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddGovernanceCore(this IServiceCollection services, Action<GovernanceCoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new GovernanceCoreOptions();
        configure?.Invoke(options);
        ArgumentNullException.ThrowIfNull(options.Calendar, "options.Calendar");
        ArgumentNullException.ThrowIfNull(options.TimeZone, "options.TimeZone");

#pragma warning disable RS0030 // The DI default is the one place the system clock may be chosen.
        services.TryAddSingleton(options.Clock ?? SystemClock.Instance);
#pragma warning restore RS0030
        services.TryAddSingleton(options);
        services.TryAddSingleton(options.Calendar);
        services.TryAddSingleton(options.TimeZone);
        services.TryAddSingleton(sp => new DeadlineCalculator(sp.GetRequiredService<BusinessCalendar>(), sp.GetRequiredService<DateTimeZone>()));
        return services;
    }
}
