using System.Reflection;
using Governance.Cases;

namespace Governance.Tests.Cases;

/// <summary>The command hierarchy is closed: no type outside the library can derive from <see cref="CaseCommand"/>.</summary>
public class CommandHierarchyTests
{
    [Fact]
    public void Case_commands_cannot_be_derived_outside_the_library_and_each_declares_its_trigger()
    {
        // An abstract member only the library's assembly can override: another assembly's subclass does not compile.
        var kind = typeof(CaseCommand).GetProperty("TriggerKind", BindingFlags.Instance | BindingFlags.NonPublic)!;
        Assert.True(kind.GetMethod!.IsAbstract && kind.GetMethod.IsFamilyAndAssembly);
        // Besides the copy constructor records must have, no constructor is open to other assemblies.
        var open = typeof(CaseCommand).GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(c => c.IsFamily || c.IsPublic || c.IsFamilyOrAssembly)
            .Where(c => c.GetParameters().Select(p => p.ParameterType).SequenceEqual([typeof(CaseCommand)]) is false);
        Assert.Empty(open);

        var commands = typeof(CaseCommand).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(CaseCommand))).ToList();
        Assert.Equal(Enum.GetValues<CaseTrigger>().Length, commands.Count);
        Assert.All(commands, t => Assert.True(t.IsSealed, t.Name));
    }

    [Fact]
    public void A_satisfaction_or_rejection_kind_left_unset_is_an_invalid_argument_not_satisfied_or_duplicate()
    {
        Assert.False(Enum.IsDefined(default(Satisfaction)));
        Assert.False(Enum.IsDefined(default(RejectionKind)));
        var workflow = new CaseWorkflow(Testing.SeedCommunities.JiuLong());
        var t0 = Instant.FromUtc(2026, 3, 2, 1, 0);
        var c = workflow.Register(new CaseRegistration("E1", CaseSource.ResidentReport, CaseCategory.LeakingPipe, new CaseLocation(Testing.SeedCommunities.Grid(1)), "漏水", t0));
        var worker = Testing.SeedCommunities.GridWorker(1);
        c.Respond(worker, t0 + Duration.FromMinutes(5));
        Assert.Throws<ArgumentException>(() => c.Reject(Testing.SeedCommunities.GridLeader(1), t0 + Duration.FromMinutes(6), default, "?"));
        c.Claim(worker, t0 + Duration.FromMinutes(6));
        c.Resolve(worker, t0 + Duration.FromMinutes(30));
        var version = c.Version;
        Assert.Throws<ArgumentException>(() => c.GiveFeedback(worker, t0 + Duration.FromMinutes(40), default));
        Assert.Equal((version, CaseState.Resolved), (c.Version, c.State));
    }
}
