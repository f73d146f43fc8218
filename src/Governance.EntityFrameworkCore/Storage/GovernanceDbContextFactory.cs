using Microsoft.EntityFrameworkCore;

namespace Governance.EntityFrameworkCore.Storage;

/// <summary>
/// 上下文工厂 — makes a <see cref="GovernanceDbContext"/> from fixed options, for hosts (tools, tests, benchmarks) that give
/// the stores a factory without a container; with a container, <c>AddGovernanceEntityFrameworkCore</c> registers one.
/// </summary>
/// <param name="options">The options (provider and connection).</param>
public sealed class GovernanceDbContextFactory(DbContextOptions<GovernanceDbContext> options) : IDbContextFactory<GovernanceDbContext>
{
    private readonly DbContextOptions<GovernanceDbContext> _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <inheritdoc />
    public GovernanceDbContext CreateDbContext() => new(_options);
}
