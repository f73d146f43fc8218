#!/usr/bin/env bash
# Proves the packages from a consumer's side: a throwaway console project outside the solution references the four
# .nupkg files in artifacts/packages (not project references), restores them with their declared dependencies from
# nuget.org, builds, and runs a case through the loop, a quarter of scoring and a time-bank posting, then stores the
# case and the posting in a SQLite file through the EF Core package and reads them back.
# It also checks that each package carries its README and XML docs. Usage: scripts/consumer-test.sh [packages-dir]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
packages="$(cd "${1:-$root/artifacts/packages}" && pwd)"
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props" | head -n 1)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for id in Governance.Core Governance.Workflow Governance.Scoring Governance.TimeBank Governance.EntityFrameworkCore; do
  nupkg="$packages/$id.$version.nupkg"
  [ -f "$nupkg" ] || { echo "missing $nupkg"; exit 1; }
  listing="$(unzip -l "$nupkg")"
  echo "$listing" | grep -q "README.md" || { echo "$id: README.md not packed"; exit 1; }
  echo "$listing" | grep -q "lib/net10.0/$id.xml" || { echo "$id: XML docs not packed"; exit 1; }
  # A stale copy of this version in the global cache would hide a broken package.
  rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/$(echo "$id" | tr '[:upper:]' '[:lower:]')/$version"
done

cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$packages" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML

cat > "$work/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Governance.Core" Version="$version" />
    <PackageReference Include="Governance.Workflow" Version="$version" />
    <PackageReference Include="Governance.Scoring" Version="$version" />
    <PackageReference Include="Governance.TimeBank" Version="$version" />
    <PackageReference Include="Governance.EntityFrameworkCore" Version="$version" />
    <PackageReference Include="Microsoft.EntityFrameworkCore.Sqlite" Version="10.0.15" />
    <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="10.0.15" />
  </ItemGroup>
</Project>
XML

# Keep the repository's build settings out of the throwaway project.
echo '<Project />' > "$work/Directory.Build.props"
echo '<Project />' > "$work/Directory.Packages.props"

cat > "$work/Program.cs" <<'CS'
using Governance;
using Governance.Cases;
using Governance.Organisation;
using Governance.People;
using Governance.Scoring.Facts;
using Governance.Scoring.Periods;
using Governance.Scoring.Rules;
using Governance.Scoring.Scores;
using Governance.Sla;
using Governance.TimeBank;
using Governance.EntityFrameworkCore.Cases;
using Governance.EntityFrameworkCore.Storage;
using Governance.EntityFrameworkCore.TimeBank;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

var organisation = new OrganisationModelBuilder()
    .Add(new SubDistrict("SD", "街道"))
    .Add(new Community("C", "社区", "SD", EscalationLadder.Standard))
    .Add(new Grid("G1", "第一网格", "C", GridKind.Basic))
    .Add(new Person("GW1", "网格员", [Role.GridWorker], birthDate: new LocalDate(1960, 1, 1)))
    .Add(new GridAssignment("GW1", "G1", Role.GridWorker))
    .Build();
using var services = new ServiceCollection()
    .AddGovernanceCore()
    .AddGovernanceWorkflow(o => o.Organisation = organisation)
    .AddGovernanceScoring()
    .AddGovernanceTimeBank()
    .AddGovernanceEntityFrameworkCore(o => o.UseSqlite($"Data Source={Path.Combine(Path.GetTempPath(), $"consumer-{Guid.NewGuid():N}.db")}"))
    .BuildServiceProvider();

var t0 = Instant.FromUtc(2026, 3, 2, 1, 0);
var c = services.GetRequiredService<CaseWorkflow>().Register(
    new CaseRegistration("E1", CaseSource.ResidentReport, CaseCategory.LeakingPipe, new CaseLocation("G1"), "漏水", t0));
c.Respond("GW1", t0 + Duration.FromMinutes(10));
c.Claim("GW1", t0 + Duration.FromMinutes(20));
c.Resolve("GW1", t0 + Duration.FromHours(3));
c.GiveFeedback("GW1", t0 + Duration.FromHours(4), Satisfaction.Satisfied);
c.Close("GW1", t0 + Duration.FromHours(4));
var sla = services.GetRequiredService<SlaEngine>().Track(c).StatesAt(c, t0 + Duration.FromHours(5));
if (c.State != CaseState.Closed || sla.Any(s => s.Status != SlaStatus.Met)) { Console.WriteLine("loop failed"); return 1; }

var score = Scorer.Score(RuleSet.GridWorkerDefaults, Role.GridWorker,
    [new ScoringFact("f1", "GW1", new LocalDate(2026, 3, 2), ScoringFactKinds.Satisfied)], ScoringPeriod.Quarter(2026, 1)).Single();

var ledger = services.GetRequiredService<TimeBankLedger>();
ledger.OpenPersonAccount(organisation.Person("GW1"));
ledger.Deposit(new DepositRequest("d1", "GW1", new ServiceRecord(ServiceType.HomeVisit, new Interval(t0 - Duration.FromHours(2), t0)), "SEC1"));
var contexts = services.GetRequiredService<IDbContextFactory<GovernanceDbContext>>();
await using (var db = await contexts.CreateDbContextAsync())
{
    await GovernanceDatabase.MigrateAsync(db);
}

var cases = services.GetRequiredService<CaseStore<GovernanceDbContext>>();
await cases.AddAsync(c);
var stored = await cases.LoadAsync("E1");
var journal = new GroupCommitJournal<GovernanceDbContext>(contexts);
var durable = await journal.RestoreAsync(TimeBankPolicy.Default, SystemClock.Instance);
durable.OpenPersonAccount(organisation.Person("GW1"));
await journal.ExecuteAsync(new DepositRequest("d1", "GW1", new ServiceRecord(ServiceType.HomeVisit, new Interval(t0 - Duration.FromHours(2), t0)), "SEC1"));
await journal.DisposeAsync();
var restored = await new GroupCommitJournal<GovernanceDbContext>(contexts).RestoreAsync(TimeBankPolicy.Default, SystemClock.Instance);
if (stored?.State != CaseState.Closed || restored.BalanceOf("GW1").Posted != ledger.BalanceOf("GW1").Posted) { Console.WriteLine("store failed"); return 1; }
Console.WriteLine($"consumer OK: case {c.State}, {sla.Count} SLA steps met, score {score.Total}, balance {ledger.BalanceOf("GW1").Posted}, stored and restored");
return 0;
CS

cd "$work"
dotnet run -c Release
