using Governance.Testing;

namespace Governance.Tests.Storage;

/// <summary>The tests that share one PostgreSQL server.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
