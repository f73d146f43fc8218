using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Governance.EntityFrameworkCore.Storage.Migrations;

/// <summary>
/// Schema version 1: cases (registration and read model) and their history, SLA positions, scoring facts, the time-bank
/// journal and the schema version. Provider-neutral: column types are left to the provider's type mapping, so the same
/// migration creates the same tables on SQLite and PostgreSQL as the model (<c>UseGovernance()</c>) maps them.
/// </summary>
[DbContext(typeof(GovernanceDbContext))]
[Migration(Id)]
public sealed class Initial : Migration
{
    internal const string Id = "20261201000000_Initial";

    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "gov_cases",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 128, nullable: false),
                Registration = table.Column<string>(nullable: false),
                Version = table.Column<int>(nullable: false),
                State = table.Column<string>(maxLength: 32, nullable: false),
                GridId = table.Column<string>(maxLength: 128, nullable: false),
                Category = table.Column<string>(maxLength: 128, nullable: false),
                Source = table.Column<string>(maxLength: 128, nullable: false),
                Priority = table.Column<string>(maxLength: 32, nullable: false),
                RegisteredAt = table.Column<long>(nullable: false),
                SlaPolicyName = table.Column<string>(maxLength: 256, nullable: true),
                SlaPolicyVersion = table.Column<int>(nullable: true),
                NextDeadline = table.Column<long>(nullable: true),
                ClosedAt = table.Column<long>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_gov_cases", x => x.Id));
        migrationBuilder.CreateIndex("IX_gov_cases_GridId_State", "gov_cases", ["GridId", "State"]);
        migrationBuilder.CreateIndex("IX_gov_cases_NextDeadline", "gov_cases", "NextDeadline");
        migrationBuilder.CreateIndex("IX_gov_cases_Category_RegisteredAt", "gov_cases", ["Category", "RegisteredAt"]);

        migrationBuilder.CreateTable(
            name: "gov_case_history",
            columns: table => new
            {
                CaseId = table.Column<string>(maxLength: 128, nullable: false),
                Sequence = table.Column<int>(nullable: false),
                At = table.Column<long>(nullable: false),
                Entry = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_gov_case_history", x => new { x.CaseId, x.Sequence }));

        migrationBuilder.CreateTable(
            name: "gov_sla_reported",
            columns: table => new
            {
                CaseId = table.Column<string>(maxLength: 128, nullable: false),
                Step = table.Column<string>(maxLength: 32, nullable: false),
                DepartmentCode = table.Column<string>(maxLength: 128, nullable: false),
                Cycle = table.Column<int>(nullable: false),
                Percent = table.Column<int>(nullable: false),
                OccurredAt = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_gov_sla_reported", x => new { x.CaseId, x.Step, x.DepartmentCode, x.Cycle, x.Percent }));

        migrationBuilder.CreateTable(
            name: "gov_schema",
            columns: table => new
            {
                Name = table.Column<string>(maxLength: 64, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_gov_schema", x => x.Name));
        migrationBuilder.Sql($"INSERT INTO \"gov_schema\" (\"Name\", \"Version\") VALUES ('{GovernanceDatabase.SchemaName}', 1)");

        migrationBuilder.CreateTable(
            name: "gov_scoring_facts",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 256, nullable: false),
                Person = table.Column<string>(maxLength: 128, nullable: false),
                Date = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: 128, nullable: false),
                Fact = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_gov_scoring_facts", x => x.Id));
        migrationBuilder.CreateIndex("IX_gov_scoring_facts_Date_Person", "gov_scoring_facts", ["Date", "Person"]);

        migrationBuilder.CreateTable(
            name: "gov_timebank_journal",
            columns: table => new
            {
                Sequence = table.Column<long>(nullable: false),
                Kind = table.Column<string>(maxLength: 16, nullable: false),
                TransactionId = table.Column<string>(maxLength: 256, nullable: true),
                Payload = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_gov_timebank_journal", x => x.Sequence));
        migrationBuilder.CreateIndex("IX_gov_timebank_journal_TransactionId", "gov_timebank_journal", "TransactionId", unique: true);
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var table in new[] { "gov_timebank_journal", "gov_scoring_facts", "gov_schema", "gov_sla_reported", "gov_case_history", "gov_cases" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
