using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime.Serialization.SystemTextJson;

namespace Governance.Json;

/// <summary>
/// JSON 配置 — the <c>System.Text.Json</c> configuration under which everything the Governance packages hand out (ids,
/// amounts of credit, deadline goals, case commands and history, time-bank requests, transactions and ledger exports,
/// SLA reporting positions) is written down and read back exactly.
/// </summary>
/// <remarks>
/// <para><see cref="ConfigureForGovernance"/> adds, to options a host already has:</para>
/// <list type="bullet">
/// <item>NodaTime's converters (NodaTime.Serialization.SystemTextJson) over the TZDB provider: an <see cref="Instant"/> is
/// <c>"2026-03-02T01:00:00Z"</c>, a <see cref="LocalDate"/> <c>"2026-03-02"</c>, a <see cref="Period"/> <c>"P1Y"</c>, a
/// zone its TZDB id, an <see cref="Interval"/> <c>{"start", "end"}</c> (a side left out is infinite; an unknown, repeated
/// or null member is an error, where NodaTime's own converter skips it);</item>
/// <item>enums by name only: an undefined name, a number, or a comma-separated list for an enum that is not
/// <see cref="FlagsAttribute">[Flags]</see> is an error;</item>
/// <item>strict reading: a required constructor parameter that is missing, a <see langword="null"/> where the type does
/// not allow one, an unknown member and a member given twice are errors naming the JSON path
/// (<see cref="JsonException.Path"/>), never a default value;</item>
/// <item>camelCase member names when the options have no naming policy yet.</item>
/// </list>
/// <para>The library's own types carry their converters and their polymorphic discriminators as attributes, so a type
/// round-trips under any options; these settings add the strictness and the NodaTime types. Polymorphic hierarchies
/// (<c>CaseCommand</c>, <c>TimeBankRequest</c>) are written with a <c>"type"</c> member whose values are stable,
/// documented codes (not CLR type names) listed on each base type; an unknown code is a <see cref="JsonException"/>, and a
/// missing one is System.Text.Json's <see cref="NotSupportedException"/> (its message names the path). Converters written
/// by hand (deadline goals) always use camelCase member names.</para>
/// <para>In ASP.NET Core: <c>builder.Services.ConfigureHttpJsonOptions(o =&gt; o.SerializerOptions.ConfigureForGovernance())</c>.</para>
/// </remarks>
public static class GovernanceJson
{
    private static readonly Lazy<JsonSerializerOptions> Shared = new(() =>
    {
        // Chinese text as it is (still escaping HTML-sensitive characters): journals stay readable and half the size.
        var options = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) }
            .ConfigureForGovernance();
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    });

    /// <summary>
    /// Read-only options configured by <see cref="ConfigureForGovernance"/>, shared by the library and its hosts; they also
    /// write non-ASCII text (Chinese names and notes) as UTF-8 rather than <c>\uXXXX</c> escapes.
    /// </summary>
    public static JsonSerializerOptions Options => Shared.Value;

    /// <summary>Configures <paramref name="options"/> for the Governance packages, as the remarks describe.</summary>
    /// <param name="options">The options to configure; not yet used for serialization (options become read-only when used).</param>
    /// <returns>The same options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The options are read-only.</exception>
    public static JsonSerializerOptions ConfigureForGovernance(this JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new InstantJsonConverter());   // first, so these are chosen over NodaTime's own
        options.Converters.Add(new IntervalJsonConverter());
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        options.Converters.Add(new StrictEnumConverterFactory());
        options.Converters.Add(new ReadOnlySetJsonConverterFactory());
        options.PropertyNamingPolicy ??= JsonNamingPolicy.CamelCase;
        options.RespectRequiredConstructorParameters = true;
        options.RespectNullableAnnotations = true;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.AllowOutOfOrderMetadataProperties = true;
        return options;
    }
}
