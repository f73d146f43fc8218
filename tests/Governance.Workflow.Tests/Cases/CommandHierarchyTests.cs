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
}
