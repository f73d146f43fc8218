using Governance.EntityFrameworkCore.Scoring;
using Governance.EntityFrameworkCore.Storage;
using Governance.Scoring.Facts;
using Governance.Testing;

namespace Governance.Tests.Storage;

/// <summary>Scoring facts are idempotent by id: a repeat is a no-op, the same id with other content is refused.</summary>
public abstract class ScoringFactStoreTests
{
    protected abstract ITestDatabase CreateDatabase();

    private static ScoringFact Fact(int i, string kind = ScoringFactKinds.Meeting, decimal quantity = 1) =>
        new($"f{i}", $"JL-BH{1 + (i % 5)}", new LocalDate(2026, 3, 1).PlusDays(i % 60), kind, quantity, "JL-CC1", i % 7 == 0 ? "两委确认" : null);

    [Fact]
    public async Task Repeats_are_no_ops_conflicts_are_refused_and_facts_read_back_exactly()
    {
        using var database = CreateDatabase();
        var store = new ScoringFactStore<GovernanceDbContext>(database.Factory);
        var facts = Enumerable.Range(0, 120).Select(i => Fact(i)).ToList();
        Assert.Equal(120, await store.AddAsync(facts));
        Assert.Equal(0, await store.AddAsync(facts.Take(50)));            // a retried import
        Assert.Equal(1, await store.AddAsync([facts[3], Fact(500)]));

        var conflict = await Assert.ThrowsAsync<ScoringFactConflictException>(() => store.AddAsync([Fact(501), Fact(7, quantity: 2)]));
        Assert.Equal("f7", conflict.FactId);
        await Assert.ThrowsAsync<ScoringFactConflictException>(() => store.AddAsync([Fact(502), Fact(502, ScoringFactKinds.VolunteerService)]));

        var march = await store.ListAsync(new DateInterval(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31)));
        var expected = facts.Append(Fact(500)).Where(f => f.Date.Month == 3).OrderBy(f => f.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, march);                                     // nothing of the refused batches was written
        var one = await store.ListAsync(new DateInterval(new LocalDate(2026, 3, 1), new LocalDate(2026, 4, 30)), [(Id<People.Person>)"JL-BH2"]);
        Assert.All(one, f => Assert.Equal("JL-BH2", f.Person.Value));
        Assert.Equal(24, one.Count);
    }
}

/// <summary>On SQLite (a temp file, WAL).</summary>
public sealed class SqliteScoringFactStoreTests : ScoringFactStoreTests
{
    protected override ITestDatabase CreateDatabase() => new SqliteDatabase();
}

/// <summary>On a real PostgreSQL server the tests start.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresScoringFactStoreTests(PostgresServer server) : ScoringFactStoreTests
{
    protected override ITestDatabase CreateDatabase() => new PostgresDatabase(server);
}
