namespace Governance.Resources;

/// <summary>The refusal and validation messages of Governance.Scoring, in English and zh-CN (see <see cref="MessageCatalog"/>).</summary>
internal static class ScoringMessages
{
    private static readonly MessageCatalog Catalog = new("Governance.Resources.Messages", typeof(ScoringMessages).Assembly);

    /// <summary>The message <paramref name="key"/> in the current UI culture, with <paramref name="args"/> filled in.</summary>
    public static string Format(string key, params ReadOnlySpan<object?> args) => Catalog.Format(key, args);

    /// <summary>The text <paramref name="key"/> in the current UI culture.</summary>
    public static string Text(string key) => Catalog.Text(key);
}
