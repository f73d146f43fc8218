namespace Governance.Resources;

/// <summary>The refusal and validation messages of Governance.EntityFrameworkCore, in English and zh-CN (see <see cref="MessageCatalog"/>).</summary>
internal static class StoreMessages
{
    private static readonly MessageCatalog Catalog = new("Governance.EntityFrameworkCore.Resources.Messages", typeof(StoreMessages).Assembly);

    /// <summary>The message <paramref name="key"/> in the current UI culture, with <paramref name="args"/> filled in.</summary>
    public static string Format(string key, params ReadOnlySpan<object?> args) => Catalog.Format(key, args);

    /// <summary>The text <paramref name="key"/> in the current UI culture.</summary>
    public static string Text(string key) => Catalog.Text(key);
}
