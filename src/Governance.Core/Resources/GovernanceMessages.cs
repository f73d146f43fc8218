namespace Governance.Resources;

/// <summary>Core's refusal and validation messages (see <see cref="MessageCatalog"/>); the other packages keep their own.</summary>
internal static class GovernanceMessages
{
    private static readonly MessageCatalog Catalog = new("Governance.Resources.Messages", typeof(GovernanceMessages).Assembly);

    /// <summary>The message <paramref name="key"/> in the current UI culture, with <paramref name="args"/> filled in.</summary>
    public static string Format(string key, params ReadOnlySpan<object?> args) => Catalog.Format(key, args);

    /// <summary>The text <paramref name="key"/> in the current UI culture.</summary>
    public static string Text(string key) => Catalog.Text(key);
}
