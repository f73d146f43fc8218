using Governance.Cases;
using Governance.Testing;

namespace Governance.Tests.Cases;

public class WorkflowGraphTests
{
    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Governance.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Governance.sln not found above the test's directory.");
    }

    [Fact]
    public void The_README_diagram_is_the_one_generated_from_the_definition()
    {
        var mermaid = new CaseWorkflow(SeedCommunities.JiuLong()).ToMermaid().ReplaceLineEndings("\n").Trim();
        var readme = File.ReadAllText(Path.Combine(RepoRoot(), "README.md")).ReplaceLineEndings("\n");
        const string begin = "<!-- workflow-diagram:begin -->\n```mermaid\n";
        const string end = "\n```\n<!-- workflow-diagram:end -->";
        var start = readme.IndexOf(begin, StringComparison.Ordinal);
        var stop = readme.IndexOf(end, StringComparison.Ordinal);
        Assert.True(start >= 0 && stop > start, "README.md has no generated workflow diagram between the markers.");
        var documented = readme[(start + begin.Length)..stop].Trim();
        Assert.True(
            documented == mermaid,
            "README.md's workflow diagram no longer matches the definition. Replace it with:\n" + mermaid);
    }

    [Fact]
    public void DOT_export_names_every_state()
    {
        var dot = new CaseWorkflow(SeedCommunities.JiuLong()).ToDot();
        foreach (var state in Enum.GetValues<CaseState>())
        {
            Assert.Contains(state.ToString(), dot);
        }
    }
}
