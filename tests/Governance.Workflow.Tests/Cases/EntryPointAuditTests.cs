using System.Text.Json;
using Governance.Cases;
using Governance.Json;
using Governance.Organisation;
using Governance.People;
using Governance.Testing;
using Xunit.Abstractions;
using static Governance.Testing.SeedCommunities;

namespace Governance.Tests.Cases;

/// <summary>
/// The entry-point audit for the workflow: registrations with one field damaged at a time, and every command given edge
/// instants, unknown or unauthorized actors, missing or odd text and undefined enum values. A refusal is typed and leaves
/// the case as it was; an acceptance must leave a case whose history round-trips through JSON and restores.
/// </summary>
public class EntryPointAuditTests(ITestOutputHelper output)
{
    private static readonly JsonSerializerOptions Json = GovernanceJson.Options;
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 1, 0);
    private readonly CaseWorkflow _workflow = new(JiuLong(), slaPolicies: Governance.Sla.SlaPolicySet.Default);

    private static CaseRegistration Good(string id) =>
        new(id, CaseSource.ResidentReport, CaseCategory.LeakingPipe, new CaseLocation(Grid(1)), "楼道漏水", T0, Resident);

    private bool RoundTrips(Case c)
    {
        var registration = JsonSerializer.Deserialize<CaseRegistration>(JsonSerializer.Serialize(c.Registration, Json), Json)!;
        var history = c.History.Select(h => JsonSerializer.Deserialize<CaseHistoryEntry>(JsonSerializer.Serialize(h, Json), Json)!).ToList();
        var back = _workflow.Restore(registration, history);
        return back.State == c.State && back.Version == c.Version && back.Priority == c.Priority;
    }

    private static string Snapshot(Case c) => $"{c.State}|{c.Version}|{c.Priority}|{c.IsPaused}|{c.GridId}|{c.LastActivityAt}";

    private static string Short(string? text) => text is null ? "null" : $"'{text[..Math.Min(text.Length, 8)]}'";

    [Fact]
    public void Every_damaged_registration_and_command_is_refused_unchanged_or_accepted_faithfully()
    {
        var audit = new EntryPointAudit();
        var n = 0;
        string Next() => $"A{n++}";

        // Registrations, one field at a time.
        var damaged = new List<(string Name, Func<CaseRegistration> Make, bool MustFail)>
        {
            ("a default id", () => Good(Next()) with { Id = default }, true),
            ("a null source", () => Good(Next()) with { Source = null! }, true),
            ("a null category", () => Good(Next()) with { Category = null! }, true),
            ("an undefined priority", () => Good(Next()) with { Priority = (Priority)99 }, true),
            ("a negative priority", () => Good(Next()) with { Priority = (Priority)(-1) }, true),
            ("a null location", () => Good(Next()) with { Location = null! }, true),
            ("an unknown grid", () => Good(Next()) with { Location = new CaseLocation("JL-G-X") }, true),
            ("a default grid", () => Good(Next()) with { Location = new CaseLocation(default) }, true),
            ("an unknown building", () => Good(Next()) with { Location = new CaseLocation(Grid(1), "B-X") }, true),
            ("an unknown micro-grid", () => Good(Next()) with { MicroGridId = "MG-X" }, true),
            ("a default reporter", () => Good(Next()) with { Reporter = default(Id<Person>) }, true),
            ("a null attachment", () => Good(Next()) with { Attachments = [null!] }, true),
            ("an unknown SLA policy", () => Good(Next()) with { SlaPolicy = new Governance.Sla.SlaPolicyReference("no-such-policy", 1) }, true),
            ("an SLA policy without a name", () => Good(Next()) with { SlaPolicy = new Governance.Sla.SlaPolicyReference("", 1) }, true),
            ("an SLA policy version 0", () => Good(Next()) with { SlaPolicy = new Governance.Sla.SlaPolicyReference(Governance.Sla.SlaPolicy.Default.Name, 0) }, true),
            ("an empty attachment", () => Good(Next()) with { Attachments = ["  "] }, true),
        };
        foreach (var floor in new[] { int.MinValue, -100, 0, 300, int.MaxValue })
        {
            damaged.Add(($"floor {floor}", () => Good(Next()) with { Location = new CaseLocation(Grid(1), Floor: floor) }, floor is < CaseLocation.MinFloor or > CaseLocation.MaxFloor));
        }

        foreach (var at in BadValues.Instants)
        {
            damaged.Add(($"registered at {at}", () => Good(Next()) with { RegisteredAt = at }, at != T0));
        }

        foreach (var text in BadValues.Texts)
        {
            damaged.Add(($"description {Short(text)}", () => Good(Next()) with { Description = text! }, string.IsNullOrWhiteSpace(text)));
            damaged.Add(($"address {Short(text)}", () => Good(Next()) with { Location = new CaseLocation(Grid(1), Address: text) }, false));
        }

        foreach (var (name, make, mustFail) in damaged)
        {
            if (mustFail)
            {
                audit.Refused($"Register with {name}", () => _workflow.Register(make()));
            }
            else
            {
                audit.Sensible($"Register with {name}", () => RoundTrips(_workflow.Register(make())));
            }
        }

        // Commands on a responded case: every command with a bad instant, a bad actor, or odd text.
        Case Responded()
        {
            var c = _workflow.Register(Good(Next()));
            c.Respond(GridWorker(1), T0 + Duration.FromMinutes(5));
            return c;
        }

        var later = T0 + Duration.FromMinutes(30);
        var commands = new List<(string Name, Func<Id<Person>, Instant, string?, CaseCommand> Make)>
        {
            ("respond", (a, t, x) => new RespondCommand(a, t, x)),
            ("claim", (a, t, x) => new ClaimCommand(a, t, x)),
            ("escalate", (a, t, x) => new EscalateCommand(a, t, x!)),
            ("resolve", (a, t, x) => new ResolveCommand(a, t, x)),
            ("close", (a, t, x) => new CloseCommand(a, t, x)),
            ("pause", (a, t, x) => new PauseCommand(a, t, x!)),
            ("return", (a, t, x) => new ReturnCommand(a, t, x!)),
            ("request an extension", (a, t, x) => new RequestExtensionCommand(a, t, Duration.FromDays(1), x!)),
            ("transfer", (a, t, x) => new TransferCommand(a, t, Grid(2), x)),
            ("change priority", (a, t, x) => new ChangePriorityCommand(a, t, Priority.Urgent, x)),
        };
        var badActors = new (string Name, Id<Person> Id)[] { ("a default actor", default), ("an unknown actor", "NOBODY"), ("a resident", Resident) };
        foreach (var (name, make) in commands)
        {
            foreach (var at in BadValues.Instants.Append(T0 - Duration.FromMinutes(1)))
            {
                var c = Responded();
                audit.Refused($"{name} at {at}", () => c.Execute(make(GridWorker(1), at, "理由")), () => Snapshot(c));
            }

            foreach (var (who, actor) in badActors)
            {
                var c = Responded();
                audit.Refused($"{name} by {who}", () => c.Execute(make(actor, later, "理由")), () => Snapshot(c));
            }

            foreach (var text in BadValues.Texts)
            {
                var c = Responded();
                audit.Sensible($"{name} with text {Short(text)}", () =>
                {
                    c.Execute(make(GridWorker(1), later, text));
                    return RoundTrips(c);
                });
            }
        }

        // Undefined enum values and edge lengths where a command takes them.
        var edge = Responded();
        audit.Refused("priority 99", () => edge.Execute(new ChangePriorityCommand(GridWorker(1), later, (Priority)99, null)), () => Snapshot(edge));
        foreach (var length in BadValues.Durations)
        {
            var c = Responded();
            c.Claim(GridWorker(1), later);
            audit.Sensible($"extension of {length}", () =>
            {
                c.Execute(new RequestExtensionCommand(GridWorker(1), later + Duration.FromMinutes(1), length, "等配件"));
                return length > Duration.Zero && length <= Duration.FromDays(365) && RoundTrips(c);
            });
        }

        var resolved = Responded();
        resolved.Claim(GridWorker(1), later);
        resolved.Resolve(GridWorker(1), later + Duration.FromHours(1));
        audit.Refused("feedback 99", () => resolved.Execute(new GiveFeedbackCommand(Resident, later + Duration.FromHours(2), (Satisfaction)99, null)), () => Snapshot(resolved));
        audit.Refused("feedback 0 (none given)", () => resolved.Execute(new GiveFeedbackCommand(Resident, later + Duration.FromHours(2), default, null)), () => Snapshot(resolved));
        audit.Refused("a null command", () => resolved.Execute(null!), () => Snapshot(resolved));

        var table = audit.Table;
        output.WriteLine(table.ToString());
        Assert.True(table.Clean, table.Report);
    }
}
