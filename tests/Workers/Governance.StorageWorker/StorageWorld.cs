using Governance.Calendars;
using Governance.Cases;
using Governance.EntityFrameworkCore.Storage;
using Governance.People;
using Governance.Sla;
using Governance.TimeBank;
using Microsoft.EntityFrameworkCore;
using static Governance.Testing.SeedCommunities;

namespace Governance.StorageWorker;

/// <summary>What the worker and the tests that check its work share: the district, the scheme and the database.</summary>
public static class StorageWorld
{
    /// <summary>The instant the simulated work starts from.</summary>
    public static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 1, 0);

    /// <summary>The scheme's rules.</summary>
    public static readonly TimeBankPolicy Policy = new() { GiftRecipients = GiftRecipients.Anyone, StorageCap = null };

    /// <summary>The case workflow on 九龙社区.</summary>
    public static readonly CaseWorkflow Workflow = new(JiuLong(), slaPolicies: SlaPolicySet.Default);

    /// <summary>The SLA engine the store computes the read model with.</summary>
    public static readonly SlaEngine Sla = new(SlaPolicySet.Default, new DeadlineCalculator(ChinaCalendar.Mainland, ChinaCalendar.TimeZone));

    /// <summary>The volunteers whose accounts the postings move credit between.</summary>
    public const int Volunteers = 8;

    /// <summary>The volunteers' person ids.</summary>
    public static string Volunteer(int i) => $"V{i}";

    /// <summary>Each volunteer's first deposit (idempotent by its id).</summary>
    public static DepositRequest Seed(int i) => new($"seed-{Volunteer(i)}", Volunteer(i),
        new ServiceRecord(ServiceType.HomeVisit, new Interval(T0 - Duration.FromHours(8), T0)), "GW1");

    /// <summary>The options for <paramref name="provider"/> (<c>sqlite</c> or <c>postgres</c>) and a connection string.</summary>
    public static DbContextOptions<GovernanceDbContext> Options(string provider, string connection) => provider switch
    {
        "sqlite" => new DbContextOptionsBuilder<GovernanceDbContext>().UseSqlite(connection).Options,
        "postgres" => new DbContextOptionsBuilder<GovernanceDbContext>().UseNpgsql(connection).Options,
        _ => throw new ArgumentException($"Unknown provider '{provider}': use sqlite or postgres.", nameof(provider)),
    };

    /// <summary>Opens the volunteers' accounts the ledger does not have yet.</summary>
    public static void OpenAccounts(TimeBankLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var open = ledger.Export().Accounts.Select(a => a.Account.Id.Value).ToHashSet();
        for (var i = 1; i <= Volunteers; i++)
        {
            if (!open.Contains(Volunteer(i)))
            {
                ledger.OpenPersonAccount(new Person(Volunteer(i), $"志愿者{i}", [Role.Resident], birthDate: new LocalDate(1950, 1, 1)));
            }
        }
    }

    /// <summary>A new case in grid 1.</summary>
    public static Case NewCase(string id) => Workflow.Register(
        new CaseRegistration(id, CaseSource.ResidentReport, CaseCategory.LeakingPipe, new CaseLocation(Grid(1)), "漏水", T0));

    /// <summary>The next command for a case that has been claimed: pause it or resume it, tagged with <paramref name="tag"/>.</summary>
    public static void Toggle(Case c, string tag)
    {
        ArgumentNullException.ThrowIfNull(c);
        var at = c.History[^1].At + Duration.FromMinutes(1);
        if (c.IsPaused)
        {
            c.Resume(GridWorker(1), at, tag);
        }
        else
        {
            c.Pause(GridWorker(1), at, tag);
        }
    }
}
