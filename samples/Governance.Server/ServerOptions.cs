using System.ComponentModel.DataAnnotations;

namespace Governance.Server;

/// <summary>服务配置 — the host's settings (section <c>Governance</c> in appsettings.json, or <c>--Governance:…</c> on the command line).</summary>
internal sealed class ServerOptions
{
    public const string Section = "Governance";

    /// <summary><c>sqlite</c> (default) or <c>postgresql</c>.</summary>
    [RegularExpression("^(sqlite|postgresql)$", ErrorMessage = "Governance:Provider is 'sqlite' or 'postgresql'.")]
    public string Provider { get; set; } = "sqlite";

    /// <summary>The connection string; for SQLite the default is a file <c>governance.db</c> beside the host.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Whether <c>POST requests</c> (Open311) accepts anonymous reports (no reporter recorded).</summary>
    public bool AnonymousReports { get; set; }

    /// <summary>Whether the dashboard's read-only summary is served without a token (a district intranet's wall screen).</summary>
    public bool AnonymousDashboard { get; set; } = true;

    /// <summary>The largest request body accepted, in bytes.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Public endpoints (Open311): requests per client address per minute.</summary>
    [Range(1, 1_000_000)]
    public int PublicRequestsPerMinute { get; set; } = 120;

    /// <summary>How often the SLA monitor looks for thresholds, in seconds; 0 turns it off (tests drive it by hand).</summary>
    [Range(0, 3600)]
    public int SlaMonitorSeconds { get; set; } = 30;

    /// <summary>
    /// The culture of answers whose request names none of the supported ones in <c>Accept-Language</c>: <c>en</c> (the
    /// default) or <c>zh-CN</c>. The library's refusal and validation messages are read in the request's culture.
    /// </summary>
    [RegularExpression("^(en|zh-CN)$", ErrorMessage = "Governance:DefaultCulture is 'en' or 'zh-CN'.")]
    public string DefaultCulture { get; set; } = "en";

    /// <summary>The bearer tokens' settings.</summary>
    public TokenOptions Tokens { get; set; } = new();

    /// <summary>Checks the settings and the token settings within them, all problems at once.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is out of its range.</exception>
    public static void ThrowIfInvalid(ServerOptions options)
    {
        var problems = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true);
        Validator.TryValidateObject(options.Tokens, new ValidationContext(options.Tokens), problems, validateAllProperties: true);
        try
        {
            if (Convert.FromBase64String(options.Tokens.SigningKey).Length < 32)
            {
                problems.Add(new ValidationResult("Governance:Tokens:SigningKey must be at least 32 bytes (HMAC-SHA256)."));
            }
        }
        catch (FormatException)
        {
            problems.Add(new ValidationResult("Governance:Tokens:SigningKey is not base64."));
        }

        if (options.Tokens.Authority is { } authority
            && (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && !options.Tokens.RequireHttpsMetadata))))
        {
            problems.Add(new ValidationResult("Governance:Tokens:Authority must be an absolute https address (http only with Tokens:RequireHttpsMetadata false)."));
        }

        if (problems.Count > 0)
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(Section, typeof(ServerOptions),
                problems.Select(p => $"{string.Join(", ", p.MemberNames.Select(m => $"Governance:{m}"))} {p.ErrorMessage}".Trim()));
        }
    }
}

/// <summary>
/// 令牌 — how bearer tokens (JWT) are checked: against the signing keys a district's identity service publishes (OpenID
/// Connect discovery, <see cref="Authority"/>), or, without one, with a symmetric key shared with whatever issues them (the
/// host's <c>token</c> command in development).
/// </summary>
internal sealed class TokenOptions
{
    /// <summary>
    /// The district identity service (an OpenID Connect issuer, e.g. Keycloak's realm address). When set, tokens are
    /// checked against the keys it publishes (RS256, PS256 or ES256) and must carry its issuer and <see cref="Audience"/>;
    /// <see cref="Issuer"/> and <see cref="SigningKey"/> are not used. Null (the default): the symmetric key.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>Whether the authority must be reached over https (turn off for a loopback identity service in development only).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The issuer the tokens carry.</summary>
    [Required]
    public string Issuer { get; set; } = "governance-district";

    /// <summary>The audience the tokens carry.</summary>
    [Required]
    public string Audience { get; set; } = "governance-api";

    /// <summary>The HMAC-SHA256 signing key, base64 (at least 32 bytes). The shipped value is for development only.</summary>
    [Required]
    [MinLength(44)]
    public string SigningKey { get; set; } = "ZGV2ZWxvcG1lbnQtb25seS1rZXktZm9yLWdvdmVybmFuY2Utc2VydmVyIQ==";
}
