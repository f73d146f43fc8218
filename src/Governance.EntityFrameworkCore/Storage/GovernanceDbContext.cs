using Governance.EntityFrameworkCore.Cases;
using Governance.EntityFrameworkCore.TimeBank;
using Microsoft.EntityFrameworkCore;

namespace Governance.EntityFrameworkCore.Storage;

/// <summary>
/// 治理数据库 — a ready-made context holding only the Governance stores' tables, for hosts that have no context of their
/// own; a host that has one calls <see cref="GovernanceModelBuilderExtensions.UseGovernance"/> in its <c>OnModelCreating</c>.
/// </summary>
/// <param name="options">The options (provider and connection).</param>
public class GovernanceDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The stored cases (registration and read model).</summary>
    public DbSet<CaseRow> Cases => Set<CaseRow>();

    /// <summary>The cases' history entries.</summary>
    public DbSet<CaseHistoryRow> CaseHistory => Set<CaseHistoryRow>();

    /// <summary>The SLA thresholds reported (the trackers' positions).</summary>
    public DbSet<Sla.SlaReportedRow> SlaReported => Set<Sla.SlaReportedRow>();

    /// <summary>The scoring facts.</summary>
    public DbSet<Scoring.ScoringFactRow> ScoringFacts => Set<Scoring.ScoringFactRow>();

    /// <summary>The time-bank journal.</summary>
    public DbSet<TimeBankJournalRow> TimeBankJournal => Set<TimeBankJournalRow>();

    /// <summary>The time-bank journal's writer row.</summary>
    public DbSet<TimeBankWriterRow> TimeBankWriters => Set<TimeBankWriterRow>();

    /// <summary>The organisation's versions.</summary>
    public DbSet<Organisation.OrganisationVersionRow> OrganisationVersions => Set<Organisation.OrganisationVersionRow>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.UseGovernance();
}
