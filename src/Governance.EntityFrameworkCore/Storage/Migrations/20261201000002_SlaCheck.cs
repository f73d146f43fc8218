using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Governance.EntityFrameworkCore.Storage.Migrations;

/// <summary>
/// Schema version 3: when an SLA monitor next has to evaluate each case (<c>gov_cases.SlaCheckAt</c>, indexed). The open
/// cases of an older database are due at once (their registration instant), so the first pass after the upgrade evaluates
/// each of them once.
/// </summary>
[DbContext(typeof(GovernanceDbContext))]
[Migration(Id)]
public sealed class SlaCheck : Migration
{
    internal const string Id = "20261201000002_SlaCheck";

    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<long>(name: "SlaCheckAt", table: "gov_cases", nullable: true);
        migrationBuilder.Sql("UPDATE \"gov_cases\" SET \"SlaCheckAt\" = \"RegisteredAt\" WHERE \"ClosedAt\" IS NULL");
        migrationBuilder.CreateIndex("IX_gov_cases_SlaCheckAt", "gov_cases", "SlaCheckAt");
        migrationBuilder.Sql(SetVersion(3));
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropIndex("IX_gov_cases_SlaCheckAt", "gov_cases");
        migrationBuilder.DropColumn("SlaCheckAt", "gov_cases");
        migrationBuilder.Sql(SetVersion(2));
    }

    private static string SetVersion(int version) =>
        $"UPDATE \"gov_schema\" SET \"Version\" = {version} WHERE \"Name\" = '{GovernanceDatabase.SchemaName}'";
}
