using Governance.Resources;
using Governance.TimeBank;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the time bank (时间银行) with a host's container.</summary>
public static class GovernanceTimeBankServiceCollectionExtensions
{
    /// <summary>
    /// Registers Core (<c>AddGovernanceCore</c>), a <see cref="TimeBankPolicy"/> and one <see cref="TimeBankLedger"/> as
    /// singletons, using Core's <see cref="IClock"/> and its one time zone: the policy computes in Core's zone (a policy that
    /// names another zone than Core's is refused when first resolved, so the packages never disagree about local dates). The ledger is in memory and
    /// thread-safe; a host that persists it registers its own ledger, made with <see cref="TimeBankLedger.Restore"/> and an
    /// <see cref="ITimeBankWriteAhead"/>, before calling this.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Returns the policy to use from the default one; the defaults if <see langword="null"/>.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddGovernanceTimeBank(this IServiceCollection services, Func<TimeBankPolicy, TimeBankPolicy>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddGovernanceCore();
        var policy = configure?.Invoke(TimeBankPolicy.Default) ?? TimeBankPolicy.Default;
        ArgumentNullException.ThrowIfNull(policy, "configure");
        var chosenZone = !ReferenceEquals(policy.TimeZone, TimeBankPolicy.Default.TimeZone);
        services.TryAddSingleton(sp =>
        {
            var zone = sp.GetRequiredService<DateTimeZone>();
            return !chosenZone || policy.TimeZone.Id == zone.Id
                ? policy with { TimeZone = zone }
                : throw new InvalidOperationException(TimeBankMessages.Format("TimeBankPolicyNamesTimeZone", policy.TimeZone.Id, zone.Id));
        });
        services.TryAddSingleton(sp => new TimeBankLedger(sp.GetRequiredService<IClock>(), sp.GetRequiredService<TimeBankPolicy>()));
        return services;
    }
}
