using Governance.EntityFrameworkCore.Cases;
using Governance.EntityFrameworkCore.Scoring;
using Governance.EntityFrameworkCore.Sla;
using Governance.EntityFrameworkCore.TimeBank;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Adds the Governance stores' tables to a host's own <see cref="DbContext"/> (as OpenIddict's <c>UseOpenIddict()</c> does).</summary>
public static class GovernanceModelBuilderExtensions
{
    private static readonly ValueConverter<Instant, long> InstantTicks = new(i => i.ToUnixTimeTicks(), t => Instant.FromUnixTimeTicks(t));
    private static readonly ValueConverter<LocalDate, int> DayNumber = new(
        d => (int)(d.AtMidnight().InUtc().ToInstant().ToUnixTimeSeconds() / 86400), n => Instant.FromUnixTimeSeconds(n * 86400L).InUtc().Date);
    private static readonly ValueConverter<Instant?, long?> NullableInstantTicks = new(
        i => i.HasValue ? i.Value.ToUnixTimeTicks() : null, t => t.HasValue ? Instant.FromUnixTimeTicks(t.Value) : null);

    /// <summary>
    /// Maps the stores' tables: <c>gov_cases</c> (registration and read model), <c>gov_case_history</c> (keyed by case and
    /// sequence), <c>gov_sla_reported</c> (keyed by case and threshold), <c>gov_scoring_facts</c> (keyed by fact id) and
    /// <c>gov_timebank_journal</c> (keyed by sequence, transaction ids unique), <c>gov_timebank_writer</c> (the journal's writer
    /// epoch), <c>gov_organisation_versions</c> (the organisation by version) and <c>gov_schema</c> (the schema version).
    /// A host that maps these into its own context creates them with its own migrations; <see cref="Governance.EntityFrameworkCore.Storage.GovernanceDbContext"/>
    /// ships its migrations (<see cref="Governance.EntityFrameworkCore.Storage.GovernanceDatabase.MigrateAsync"/>).
    /// Dates are stored as days since 1970-01-01. Instants are stored as 64-bit
    /// ticks since the Unix epoch and enums by name, so every provider stores them alike and exactly.
    /// </summary>
    /// <param name="modelBuilder">The host's model builder (in <c>OnModelCreating</c>).</param>
    /// <returns>The model builder.</returns>
    public static ModelBuilder UseGovernance(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<CaseRow>(e =>
        {
            e.ToTable("gov_cases");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).HasMaxLength(128);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.Property(c => c.GridId).HasMaxLength(128);
            e.Property(c => c.Category).HasMaxLength(128);
            e.Property(c => c.Source).HasMaxLength(128);
            e.Property(c => c.SlaPolicyName).HasMaxLength(256);
            e.Property(c => c.State).HasConversion<string>().HasMaxLength(32);
            e.Property(c => c.Priority).HasConversion<string>().HasMaxLength(32);
            e.Property(c => c.RegisteredAt).HasConversion(InstantTicks);
            e.Property(c => c.NextDeadline).HasConversion(NullableInstantTicks);
            e.Property(c => c.ClosedAt).HasConversion(NullableInstantTicks);
            e.Property(c => c.SlaCheckAt).HasConversion(NullableInstantTicks);
            e.HasIndex(c => new { c.GridId, c.State });
            e.HasIndex(c => c.NextDeadline);
            e.HasIndex(c => c.SlaCheckAt);
            e.HasIndex(c => new { c.Category, c.RegisteredAt });
        });
        modelBuilder.Entity<CaseHistoryRow>(e =>
        {
            e.ToTable("gov_case_history");
            e.HasKey(h => new { h.CaseId, h.Sequence });
            e.Property(h => h.CaseId).HasMaxLength(128);
            e.Property(h => h.At).HasConversion(InstantTicks);
        });
        modelBuilder.Entity<SlaReportedRow>(e =>
        {
            e.ToTable("gov_sla_reported");
            e.HasKey(r => new { r.CaseId, r.Step, r.DepartmentCode, r.Cycle, r.Percent });
            e.Property(r => r.CaseId).HasMaxLength(128);
            e.Property(r => r.DepartmentCode).HasMaxLength(128);
            e.Property(r => r.Step).HasConversion<string>().HasMaxLength(32);
            e.Property(r => r.OccurredAt).HasConversion(InstantTicks);
        });
        modelBuilder.Entity<Governance.EntityFrameworkCore.Storage.SchemaVersionRow>(e =>
        {
            e.ToTable("gov_schema");
            e.HasKey(v => v.Name);
            e.Property(v => v.Name).HasMaxLength(64);
        });
        modelBuilder.Entity<ScoringFactRow>(e =>
        {
            e.ToTable("gov_scoring_facts");
            e.HasKey(f => f.Id);
            e.Property(f => f.Id).HasMaxLength(256);
            e.Property(f => f.Person).HasMaxLength(128);
            e.Property(f => f.Kind).HasMaxLength(128);
            e.Property(f => f.Date).HasConversion(DayNumber);
            e.HasIndex(f => new { f.Date, f.Person });
        });
        modelBuilder.Entity<TimeBankJournalRow>(e =>
        {
            e.ToTable("gov_timebank_journal");
            e.HasKey(j => j.Sequence);
            e.Property(j => j.Sequence).ValueGeneratedNever();
            e.Property(j => j.Kind).HasMaxLength(16);
            e.Property(j => j.TransactionId).HasMaxLength(256);
            e.HasIndex(j => j.TransactionId).IsUnique();
        });
        modelBuilder.Entity<TimeBankWriterRow>(e =>
        {
            e.ToTable("gov_timebank_writer");
            e.HasKey(w => w.Name);
            e.Property(w => w.Name).HasMaxLength(64);
            e.Property(w => w.Holder).HasMaxLength(256);
        });
        modelBuilder.Entity<Governance.EntityFrameworkCore.Organisation.OrganisationVersionRow>(e =>
        {
            e.ToTable("gov_organisation_versions");
            e.HasKey(o => o.Version);
            e.Property(o => o.Version).ValueGeneratedNever();
            e.Property(o => o.EffectiveFrom).HasConversion(InstantTicks);
            e.HasIndex(o => o.EffectiveFrom).IsUnique();
        });
        return modelBuilder;
    }
}
