using System.Globalization;
using System.Reflection;
using System.Resources;

namespace Governance.Resources;

/// <summary>
/// One assembly's refusal and validation messages, from its resources: English (the neutral resources) and zh-CN (a
/// satellite assembly), chosen by <see cref="CultureInfo.CurrentUICulture"/>. Values in a message are formatted with the
/// invariant culture, so a date or number reads the same in every language.
/// </summary>
/// <param name="baseName">The resources' base name, e.g. <c>Governance.Resources.Messages</c>.</param>
/// <param name="assembly">The assembly that embeds them.</param>
internal sealed class MessageCatalog(string baseName, Assembly assembly)
{
    private readonly ResourceManager _resources = new(baseName, assembly);

    /// <summary>The message <paramref name="key"/> in the current UI culture, with <paramref name="args"/> filled in.</summary>
    public string Format(string key, params ReadOnlySpan<object?> args) =>
        string.Format(CultureInfo.InvariantCulture, Text(key), args);

    /// <summary>The text <paramref name="key"/> in the current UI culture (the key itself if no resource has it).</summary>
    public string Text(string key) => _resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
