using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Server.Tests;

/// <summary>
/// With <c>Tokens:Authority</c>, the host checks tokens against the keys a district identity service publishes (OpenID
/// Connect discovery): here a stand-in service on a loopback port, publishing one RSA key.
/// </summary>
public sealed class IdentityServiceTests
{
    private const string Audience = "governance-api";

    [Fact]
    public async Task Tokens_are_checked_against_the_identity_services_published_keys()
    {
        using var published = RSA.Create(2048);
        using var other = RSA.Create(2048);
        await using var identity = await StartIdentityServiceAsync(published, "k1");
        await using var server = ServerFactory.Sqlite(new()
        {
            ["Governance:Tokens:Authority"] = identity.Issuer,
            ["Governance:Tokens:RequireHttpsMetadata"] = "false",
        });

        async Task<HttpStatusCode> MeAsync(string token, string? expectId = null)
        {
            using var client = server.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.GetAsync("/api/me");
            if (expectId is not null)
            {
                Assert.Equal(expectId, (await Api.OkAsync(response)).GetProperty("id").GetString());
            }

            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await MeAsync(Token(published, "k1", identity.Issuer, Audience), expectId: "C1-GW3"));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(Token(other, "k1", identity.Issuer, Audience)));   // a key it did not publish
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(Token(published, "k1", "https://someone-else.example", Audience)));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(Token(published, "k1", identity.Issuer, "another-api")));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(ServerFactory.Token("C1-GW3")));   // the symmetric key is not used
    }

    private static string Token(RSA key, string keyId, string issuer, string audience)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = new Dictionary<string, object> { [JwtRegisteredClaimNames.Sub] = "C1-GW3" },
            NotBefore = now.AddMinutes(-1),
            IssuedAt = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = keyId }, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>A stand-in identity service: a discovery document and a key set with the public half of <paramref name="key"/>.</summary>
    private static async Task<IdentityService> StartIdentityServiceAsync(RSA key, string keyId)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var service = new IdentityService(app);
        var parameters = key.ExportParameters(includePrivateParameters: false);
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = service.Issuer,
            ["jwks_uri"] = $"{service.Issuer}/jwks",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/jwks", () => Results.Json(new
        {
            keys = new[]
            {
                new Dictionary<string, string>
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["alg"] = "RS256",
                    ["kid"] = keyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                },
            },
        }));
        await app.StartAsync();
        service.Issuer = app.Urls.First().TrimEnd('/');
        return service;
    }

    private sealed class IdentityService(WebApplication app) : IAsyncDisposable
    {
        public string Issuer { get; set; } = "";

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }
}
