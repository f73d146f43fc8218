using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Governance.Organisation;
using Governance.People;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Server;

/// <summary>
/// 身份 — who is calling: a bearer token (JWT, HMAC-SHA256 with the configured key) whose <c>sub</c> is a person of the
/// organisation. The library's authorization policy decides every case command; this host adds only what the library
/// cannot know (a resident reads and reports for themself; the time bank debits the caller's own account).
/// </summary>
internal static class Access
{
    public static SymmetricSecurityKey Key(TokenOptions options) => new(Convert.FromBase64String(options.SigningKey));

    /// <summary>Issues a token for a person (the <c>token</c> command and the tests; a district's identity service in production).</summary>
    public static string Issue(TokenOptions options, string person, Instant now, Duration lifetime)
    {
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Claims = new Dictionary<string, object> { [JwtRegisteredClaimNames.Sub] = person },
            NotBefore = (now - Duration.FromMinutes(1)).ToDateTimeUtc(),
            IssuedAt = (now - Duration.FromMinutes(1)).ToDateTimeUtc(),
            Expires = (now + lifetime).ToDateTimeUtc(),
            SigningCredentials = new SigningCredentials(Key(options), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The calling person, or null when the token names no person of the organisation.</summary>
    public static Person? Caller(ClaimsPrincipal user, OrganisationModel organisation)
    {
        var id = user.FindFirstValue(JwtRegisteredClaimNames.Sub) ?? user.FindFirstValue(ClaimTypes.NameIdentifier);
        return id is { Length: > 0 } && organisation.TryGetPerson(id, out var person) ? person : null;
    }

    /// <summary>A resident and nothing more: sees and acts on their own reports only.</summary>
    public static bool IsResidentOnly(Person person) => person.Roles.All(r => r == Role.Resident);

    /// <summary>May see every case (staff of the district).</summary>
    public static bool IsStaff(Person person) => !IsResidentOnly(person);

    /// <summary>Reads a JSON object body of at most <paramref name="limit"/> bytes; an absent body is <c>{}</c>.</summary>
    public static async Task<(JsonElement Body, IResult? Error)> ReadObjectAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        var (body, error) = await ReadJsonAsync(request, limit, "{}", cancellationToken);
        return error is not null ? (default, error)
            : body.ValueKind == JsonValueKind.Object ? (body, null)
            : (default, Problems.Invalid("Expected a JSON object."));
    }

    /// <summary>Reads a JSON body of at most <paramref name="limit"/> bytes (depth 16 at most); an absent body is <paramref name="empty"/>.</summary>
    public static async Task<(JsonElement Body, IResult? Error)> ReadJsonAsync(HttpRequest request, int limit, string empty, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return (default, Problems.TooLarge(limit));
        }

        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (default, Problems.TooLarge(limit));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (JsonDocument.Parse(empty).RootElement.Clone(), null);
        }

        if (request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (default, Problems.Invalid($"Expected application/json, not {type}."));
        }

        try
        {
            var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 });
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException e)
        {
            return (default, Problems.Invalid("The body is not valid JSON.", e.Message));
        }
    }
}
