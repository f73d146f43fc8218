using Governance.EntityFrameworkCore.Organisation;
using Governance.EntityFrameworkCore.Storage;
using Governance.People;
using Governance.Testing;
using Governance.Validation;
using Microsoft.EntityFrameworkCore;
using static Governance.Testing.SeedCommunities;

namespace Governance.Tests.Storage;

/// <summary>Organisation versions: a case is read with the organisation of its time; history is only added to.</summary>
public abstract class OrganisationVersionStoreTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 0, 0);

    protected abstract ITestDatabase CreateDatabase();

    // In April a new grid worker joins grid 1.
    private static Governance.Organisation.OrganisationModel April() => JiuLongBuilder()
        .Add(new Person("JL-GW9", "新网格员", [Role.GridWorker]))
        .Add(new GridAssignment("JL-GW9", Grid(1), Role.GridWorker))
        .Build();

    [Fact]
    public async Task Each_instant_reads_the_version_that_held_then()
    {
        using var database = CreateDatabase();
        var store = new OrganisationVersionStore<GovernanceDbContext>(database.Factory);
        Assert.Null(await store.AsOfAsync(T0));
        Assert.Equal(new OrganisationVersion(1, T0), await store.AddAsync(JiuLong(), T0));
        var april = T0 + Duration.FromDays(31);
        Assert.Equal(new OrganisationVersion(2, april), await store.AddAsync(April(), april));

        // A fresh store (a restarted host) reads the rows, not a cache.
        var fresh = new OrganisationVersionStore<GovernanceDbContext>(database.Factory);
        Assert.Null(await fresh.AsOfAsync(T0 - Duration.FromTicks(1)));
        var march = (await fresh.AsOfAsync(T0 + Duration.FromDays(3)))!;
        Assert.DoesNotContain(march.People, p => p.Id == "JL-GW9");
        Assert.Same(march, await fresh.AsOfAsync(april - Duration.FromTicks(1)));
        Assert.Contains((await fresh.AsOfAsync(april))!.People, p => p.Id == "JL-GW9");
        Assert.Equal([new OrganisationVersion(1, T0), new OrganisationVersion(2, april)], await fresh.ListAsync());
    }

    [Fact]
    public async Task A_version_not_after_the_latest_or_added_concurrently_is_refused_and_nothing_is_written()
    {
        using var database = CreateDatabase();
        var store = new OrganisationVersionStore<GovernanceDbContext>(database.Factory);
        await store.AddAsync(JiuLong(), T0);
        Assert.Equal("organisation.not-after-latest", (await Assert.ThrowsAsync<OrganisationVersionRefusedException>(() => store.AddAsync(April(), T0))).Code);
        Assert.Equal("organisation.not-after-latest", (await Assert.ThrowsAsync<OrganisationVersionRefusedException>(() => store.AddAsync(April(), T0 - Duration.FromDays(1)))).Code);

        var results = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => Task.Run(async () =>
        {
            try
            {
                await new OrganisationVersionStore<GovernanceDbContext>(database.Factory).AddAsync(April(), T0 + Duration.FromDays(i));
                return "stored";
            }
            catch (OrganisationVersionRefusedException e)
            {
                return e.Code;
            }
        })));
        Assert.All(results, r => Assert.Contains(r, new[] { "stored", "organisation.concurrent-version", "organisation.not-after-latest" }));
        var versions = await store.ListAsync();
        Assert.Equal(Enumerable.Range(1, versions.Count), versions.Select(v => v.Version));
        Assert.Equal(results.Count(r => r == "stored") + 1, versions.Count);
    }

    [Fact]
    public async Task A_corrupt_stored_version_is_a_validation_error_naming_the_path()
    {
        using var database = CreateDatabase();
        await using (var db = new GovernanceDbContext(database.Options))
        {
            db.OrganisationVersions.Add(new OrganisationVersionRow { Version = 1, EffectiveFrom = T0, Model = "{\"subDistricts\":7}" });
            await db.SaveChangesAsync();
        }

        var e = await Assert.ThrowsAsync<ValidationFailedException>(() => new OrganisationVersionStore<GovernanceDbContext>(database.Factory).AsOfAsync(T0));
        Assert.StartsWith("$.subDistricts", e.Errors[0].Path, StringComparison.Ordinal);
    }
}

/// <summary>On SQLite (a temp file, WAL).</summary>
public sealed class SqliteOrganisationVersionStoreTests : OrganisationVersionStoreTests
{
    protected override ITestDatabase CreateDatabase() => new SqliteDatabase();
}

/// <summary>On a real PostgreSQL server the tests start.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresOrganisationVersionStoreTests(PostgresServer server) : OrganisationVersionStoreTests
{
    protected override ITestDatabase CreateDatabase() => new PostgresDatabase(server);
}
