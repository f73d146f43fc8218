using Governance.People;
using Governance.TimeBank;
using Interval = NodaTime.Interval;
using NodaTime.Testing;

namespace Governance.Tests.TimeBank;

/// <summary>A small time-bank community: who is old enough, who is related, a fake clock.</summary>
internal static class TimeBankFixture
{
    public static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 1, 0); // 09:00 in Shanghai, a Monday

    /// <summary>王大爷, 76, volunteers and uses his credit.</summary>
    public static readonly Person Wang = new("P-WANG", "王大爷", [Role.Resident], birthDate: new LocalDate(1950, 1, 1));

    /// <summary>李阿姨, his wife, 67.</summary>
    public static readonly Person Li = new("P-LI", "李阿姨", [Role.Resident], birthDate: new LocalDate(1958, 6, 15));

    /// <summary>王小明, their son, 36: too young to receive care.</summary>
    public static readonly Person Son = new("P-SON", "王小明", [Role.Resident], birthDate: new LocalDate(1990, 5, 20));

    /// <summary>赵奶奶, 86, lives alone.</summary>
    public static readonly Person Zhao = new("P-ZHAO", "赵奶奶", [Role.Resident], PersonAttributes.LivesAlone, new LocalDate(1940, 2, 29));

    public static readonly Person[] People = [Wang, Li, Son, Zhao];

    public static readonly Id<TimeBankAccount> Team = "T-PARTY";

    public static Id<TimeBankAccount> Acc(Person p) => p.Id.Value;

    public static (TimeBankLedger Ledger, FakeClock Clock) Create(TimeBankPolicy? policy = null)
    {
        var clock = new FakeClock(Start);
        var ledger = new TimeBankLedger(clock, policy);
        foreach (var p in People)
        {
            ledger.OpenPersonAccount(p);
        }

        ledger.OpenGroupAccount(Team, "党员志愿服务队");
        ledger.RegisterRelation(Wang.Id, Li.Id, RelationKind.Spouse);
        ledger.RegisterRelation(Wang.Id, Son.Id, RelationKind.DirectRelative);
        return (ledger, clock);
    }

    /// <summary>A volunteer service of <paramref name="minutes"/> minutes starting at the ledger's start.</summary>
    public static ServiceRecord Service(int minutes, ServiceType? type = null) =>
        new(type ?? ServiceType.HomeVisit, new Interval(Start - Duration.FromDays(1), Start - Duration.FromDays(1) + Duration.FromMinutes(minutes)));

    public static long Sum(TimeBankLedger ledger) => ledger.Accounts.Sum(a => ledger.BalanceOf(a.Id).Posted.Minutes);
}
