using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using Governance.Cases;
using Governance.EntityFrameworkCore.Cases;
using Governance.Testing;

namespace Governance.EntityFrameworkCore.Tests;

/// <summary>
/// Every package's messages are complete in both languages: each key the code looks up is in the English resources, and
/// each English message has a zh-CN one with the same placeholders (a missing one would fall back to English unseen).
/// </summary>
public partial class MessageCatalogTests
{
    public static TheoryData<string, string> Packages => new()
    {
        { "Governance.Core", "Governance.Resources.Messages" },
        { "Governance.Workflow", "Governance.Resources.Messages" },
        { "Governance.Scoring", "Governance.Resources.Messages" },
        { "Governance.TimeBank", "Governance.Resources.Messages" },
        { "Governance.EntityFrameworkCore", "Governance.EntityFrameworkCore.Resources.Messages" },
    };

    [Theory]
    [MemberData(nameof(Packages))]
    public void Every_message_has_a_zh_CN_text_with_the_same_placeholders(string assembly, string baseName)
    {
        var english = Messages(assembly, baseName, CultureInfo.InvariantCulture);
        var chinese = Messages(assembly, baseName, CultureInfo.GetCultureInfo("zh-CN"));

        Assert.NotEmpty(english);
        Assert.Empty(english.Keys.Except(chinese.Keys));
        Assert.Empty(chinese.Keys.Except(english.Keys));
        foreach (var (key, text) in english)
        {
            Assert.True(Placeholders(text).SetEquals(Placeholders(chinese[key])), $"{assembly} {key}: '{text}' and '{chinese[key]}' fill in different values.");
            Assert.NotEqual(text, chinese[key]);
        }
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Every_key_the_code_looks_up_is_in_the_resources(string assembly, string baseName)
    {
        var english = Messages(assembly, baseName, CultureInfo.InvariantCulture);
        var source = Path.Combine(RepositoryRoot(), "src", assembly);
        var used = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeysIn(File.ReadAllText(f)))
            .ToHashSet();

        Assert.NotEmpty(used);
        Assert.Empty(used.Except(english.Keys));
    }

    [Fact]
    public void A_store_conflict_reads_in_the_current_UI_culture()
    {
        var zh = CultureScope.Run("zh-CN", () => new CaseConcurrencyException(new Id<Case>("C-1"), 3, 4).Message);
        var en = CultureScope.Run("en-US", () => new CaseConcurrencyException(new Id<Case>("C-1"), 3, 4).Message);

        Assert.Contains("已被其他写入方修改", zh);
        Assert.Contains("was changed by another writer", en);
    }

    /// <summary>The keys a source file looks up: through a catalog, or handed to a helper that looks them up on failure.</summary>
    private static IEnumerable<string> KeysIn(string code) =>
        Lookup().Matches(code).Select(m => m.Groups["key"].Value)
            .Concat(code.Split('\n').Where(line => line.Contains("Require(", StringComparison.Ordinal))
                .SelectMany(line => KeyLiteral().Matches(line).Select(m => m.Groups["key"].Value)));

    private static Dictionary<string, string> Messages(string assembly, string baseName, CultureInfo culture)
    {
        var resources = new ResourceManager(baseName, Assembly.Load(assembly));
        var set = resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"{assembly} has no {culture.Name} resources.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    private static HashSet<string> Placeholders(string text) =>
        Placeholder().Matches(text.Replace("{{", "", StringComparison.Ordinal)).Select(m => m.Value).ToHashSet();

    private static string RepositoryRoot()
    {
        var at = new DirectoryInfo(AppContext.BaseDirectory);
        while (at is not null && !File.Exists(Path.Combine(at.FullName, "Governance.sln")))
        {
            at = at.Parent;
        }

        return at?.FullName ?? throw new InvalidOperationException("The tests run outside the repository.");
    }

    [GeneratedRegex(@"\{\d+(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    // Messages.Format("Key", …), Messages.Text("Key"), and the JSON readers' subjects (const string What = "Key",
    // Missing("member", "Key"), Member(…, "Key"), Expect(…, "Key")).
    [GeneratedRegex(@"\b(?:(?:Governance|Workflow|Scoring|TimeBank|Store)Messages\.(?:Format|Text)\(|const string What = |Missing\(""\w+"", |Member\(ref reader, ref seen, \w+, |Expect\(ref reader, JsonTokenType\.\w+, )\s*""(?<key>\w+)""")]
    private static partial Regex Lookup();

    // A key among a line's literals: a capitalised word (paths and member names are not).
    [GeneratedRegex(@"(?<![$@])""(?<key>[A-Z][A-Za-z0-9]+)""")]
    private static partial Regex KeyLiteral();
}
