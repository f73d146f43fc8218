using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Governance.EntityFrameworkCore.Storage.Migrations;

/// <summary>
/// Schema version 2: the time-bank journal's writer row (<c>gov_timebank_writer</c>, one row whose epoch fences writers
/// in other processes) and the organisation's versions (<c>gov_organisation_versions</c>).
/// </summary>
[DbContext(typeof(GovernanceDbContext))]
[Migration(Id)]
public sealed class WritersAndOrganisations : Migration
{
    internal const string Id = "20261201000001_WritersAndOrganisations";

    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "gov_timebank_writer",
            columns: table => new
            {
                Name = table.Column<string>(maxLength: 64, nullable: false),
                Epoch = table.Column<long>(nullable: false),
                Holder = table.Column<string>(maxLength: 256, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_gov_timebank_writer", x => x.Name));
        migrationBuilder.Sql($"INSERT INTO \"gov_timebank_writer\" (\"Name\", \"Epoch\", \"Holder\") VALUES ('{TimeBank.TimeBankWriter.Scheme}', 0, '')");

        migrationBuilder.CreateTable(
            name: "gov_organisation_versions",
            columns: table => new
            {
                Version = table.Column<int>(nullable: false),
                EffectiveFrom = table.Column<long>(nullable: false),
                Model = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_gov_organisation_versions", x => x.Version));
        migrationBuilder.CreateIndex("IX_gov_organisation_versions_EffectiveFrom", "gov_organisation_versions", "EffectiveFrom", unique: true);

        migrationBuilder.Sql(SetVersion(2));
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("gov_organisation_versions");
        migrationBuilder.DropTable("gov_timebank_writer");
        migrationBuilder.Sql(SetVersion(1));
    }

    private static string SetVersion(int version) =>
        $"UPDATE \"gov_schema\" SET \"Version\" = {version} WHERE \"Name\" = '{GovernanceDatabase.SchemaName}'";
}
