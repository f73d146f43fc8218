using Governance.Calendars;
using Governance.DependencyInjection;
using Governance.Resources;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Governance.Core's services with a host's container.</summary>
public static class GovernanceCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IClock"/> (the system clock unless the options or the host supply one), the
    /// <see cref="BusinessCalendar"/>, the <see cref="DateTimeZone"/> and the <see cref="DeadlineCalculator"/>, as singletons
    /// made from <see cref="IOptions{TOptions}"/> of <see cref="GovernanceCoreOptions"/> when first resolved. Each call adds its
    /// <paramref name="configure"/> to the options, so the order of calls does not matter (a later
    /// <c>AddGovernanceCore(o => o.TimeZoneId = …)</c> after <c>AddGovernanceWorkflow</c> still applies). Services the host
    /// registered first are kept.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; China's calendar in Asia/Shanghai by default.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddGovernanceCore(this IServiceCollection services, Action<GovernanceCoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<GovernanceCoreOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GovernanceCoreOptions>, GovernanceCoreOptionsValidator>());
#pragma warning disable RS0030 // The DI default is the one place the system clock may be chosen.
        services.TryAddSingleton(sp => Options(sp).Clock ?? SystemClock.Instance);
#pragma warning restore RS0030
        services.TryAddSingleton(sp => Options(sp));
        services.TryAddSingleton(sp => Options(sp).Calendar);
        services.TryAddSingleton(sp => Options(sp).ResolveTimeZone());
        services.TryAddSingleton(sp => new DeadlineCalculator(sp.GetRequiredService<BusinessCalendar>(), sp.GetRequiredService<DateTimeZone>()));
        return services;
    }

    private static GovernanceCoreOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<GovernanceCoreOptions>>().Value;

    private sealed class GovernanceCoreOptionsValidator : IValidateOptions<GovernanceCoreOptions>
    {
        public ValidateOptionsResult Validate(string? name, GovernanceCoreOptions options)
        {
            var failures = new List<string>();
            if (options.Calendar is null)
            {
                failures.Add(GovernanceMessages.Text("GovernanceCoreOptionsCalendarNullSetBusinessCalendar"));
            }

            try
            {
                options.ResolveTimeZone();
            }
            catch (InvalidOperationException e)
            {
                failures.Add("GovernanceCoreOptions: " + e.Message);
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
