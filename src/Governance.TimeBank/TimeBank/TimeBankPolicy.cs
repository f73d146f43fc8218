using Governance.Calendars;
using Governance.People;
using Governance.Resources;

namespace Governance.TimeBank;

/// <summary>
/// 时间银行规则 — the scheme's rules, enforced by the ledger at write. The defaults follow the public rules
/// of real schemes (domain.md): a 1,500-hour storage cap with the excess donated to the pool and services for
/// holders aged 60+ or their spouse or direct relative aged 60+ (Nanjing); gifts to relatives (Shanghai); the pool
/// serves elderly people living alone first (Nanjing); credit does not expire.
/// </summary>
/// <remarks>Equality is by value. The ledger checks the policy when it is created.</remarks>
public sealed record TimeBankPolicy
{
    /// <summary>The most credit a person's account may hold (posted balance); <see langword="null"/> for no cap. 1,500 hours by default.</summary>
    public TimeCredit? StorageCap { get; init; } = TimeCredit.FromHours(1500);

    /// <summary>What happens to credit over the cap; donated to the pool by default.</summary>
    public ExcessCreditHandling ExcessHandling { get; init; } = ExcessCreditHandling.DonateToPool;

    /// <summary>The age a care recipient must have reached on the service date (60 in Nanjing, 65 in Shanghai); 60 by default.</summary>
    public int MinimumRecipientAge { get; init; } = 60;

    /// <summary>Whether a holder's credit may pay for their spouse's or a direct relative's care (Nanjing Gulou); <see langword="true"/> by default.</summary>
    public bool RelativesMayUseCredit { get; init; } = true;

    /// <summary>Whom a person may give credit to; relatives only by default.</summary>
    public GiftRecipients GiftRecipients { get; init; } = GiftRecipients.RelativesOnly;

    /// <summary>The people the pool serves first when it allocates; elderly people living alone by default.</summary>
    public PersonAttributes PoolPriority { get; init; } = PersonAttributes.LivesAlone;

    /// <summary>
    /// How long deposited credit lasts before it expires, oldest first, on the local calendar of <see cref="TimeZone"/>;
    /// <see langword="null"/> (the default) for credit that never expires.
    /// </summary>
    public Period? CreditLifetime { get; init; }

    /// <summary>The scheme's time zone, for ages, expiry dates and statements; Asia/Shanghai by default.</summary>
    public DateTimeZone TimeZone { get; init; } = ChinaCalendar.TimeZone;

    /// <summary>The defaults described above.</summary>
    public static TimeBankPolicy Default { get; } = new();

    internal void Validate()
    {
        if (StorageCap is { Minutes: <= 0 } cap)
        {
            throw new ArgumentOutOfRangeException(nameof(StorageCap), cap, TimeBankMessages.Text("StorageCapMustPositiveNullNo"));
        }

        if (MinimumRecipientAge is < 0 or > 150)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumRecipientAge), MinimumRecipientAge, TimeBankMessages.Text("MinimumRecipientAgeMustYears"));
        }

        if (CreditLifetime is { } lifetime && (lifetime.HasTimeComponent || lifetime.Normalize() == Period.Zero || lifetime.Years < 0 || lifetime.Months < 0 || lifetime.Days < 0 || lifetime.Weeks < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(CreditLifetime), lifetime, TimeBankMessages.Text("CreditLifetimeMustPositivePeriodYears"));
        }

        ArgumentNullException.ThrowIfNull(TimeZone, nameof(TimeZone));
        if (!Enum.IsDefined(ExcessHandling))
        {
            throw new ArgumentOutOfRangeException(nameof(ExcessHandling), ExcessHandling, TimeBankMessages.Text("ExpectedRejectDonateToPool"));
        }

        if (!Enum.IsDefined(GiftRecipients))
        {
            throw new ArgumentOutOfRangeException(nameof(GiftRecipients), GiftRecipients, TimeBankMessages.Text("ExpectedRelativesOnlyAnyone"));
        }
    }
}
