using Governance.TimeBank;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the time bank (时间银行) with a host's container.</summary>
public static class GovernanceTimeBankServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="TimeBankPolicy"/> and one <see cref="TimeBankLedger"/> as singletons, using the
    /// <see cref="IClock"/> that <c>AddGovernanceCore</c> registers (call that too). The ledger is in memory and
    /// thread-safe; a host that persists it registers its own ledger, made with <see cref="TimeBankLedger.Restore"/> and an
    /// <see cref="ITimeBankWriteAhead"/>, before calling this.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Returns the policy to use from the default one; the defaults if <see langword="null"/>.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddGovernanceTimeBank(this IServiceCollection services, Func<TimeBankPolicy, TimeBankPolicy>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var policy = configure?.Invoke(TimeBankPolicy.Default) ?? TimeBankPolicy.Default;
        services.TryAddSingleton(policy);
        services.TryAddSingleton(sp => new TimeBankLedger(sp.GetRequiredService<IClock>(), sp.GetRequiredService<TimeBankPolicy>()));
        return services;
    }
}
