using System.Globalization;
using System.Resources;

namespace Governance.Resources;

/// <summary>
/// The refusal and validation messages, from resources: English (the neutral resources) and zh-CN (a satellite assembly),
/// chosen by <see cref="CultureInfo.CurrentUICulture"/>. Values in a message are formatted with the invariant culture, so
/// a date or number reads the same in every language.
/// </summary>
internal static class GovernanceMessages
{
    private static readonly ResourceManager Resources = new("Governance.Resources.Messages", typeof(GovernanceMessages).Assembly);

    /// <summary>The message <paramref name="key"/> in the current UI culture, with <paramref name="args"/> filled in.</summary>
    public static string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key, args);

    /// <summary>The text <paramref name="key"/> in the current UI culture.</summary>
    public static string Text(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
