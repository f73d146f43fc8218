using System.Net;
using Governance.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Server.Tests;

/// <summary>What the host adds around the API: rate limiting of the public endpoints, health that sees the schema, start-up validation.</summary>
public sealed class HostTests
{
    [Fact]
    public async Task The_public_endpoints_are_rate_limited_per_client()
    {
        await using var server = ServerFactory.Sqlite(new() { ["Governance:PublicRequestsPerMinute"] = "3" });
        using var client = server.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.GetAsync("/open311/v2/services.json")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);   // the limit is the public API's only
    }

    [Fact]
    public async Task Health_is_unhealthy_when_the_schema_is_not_this_builds()
    {
        await using var server = ServerFactory.Sqlite();
        using var client = server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        await using (var db = await server.Services.GetRequiredService<IDbContextFactory<GovernanceDbContext>>().CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE gov_schema SET \"Version\" = 99");
        }

        using var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task With_an_OTLP_endpoint_the_librarys_meters_and_activities_are_exported()
    {
        await using var server = ServerFactory.Sqlite(new() { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4317" });
        Assert.NotNull(server.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
        Assert.NotNull(server.Services.GetService<OpenTelemetry.Trace.TracerProvider>());
        await using var plain = ServerFactory.Sqlite();
        Assert.Null(plain.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
    }

    [Fact]
    public void PostgreSQL_connections_are_tuned_unless_the_connection_string_says_otherwise()
    {
        var tuned = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseSetup.Tuned("Host=db;Database=governance"));
        Assert.Equal(32, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        var given = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseSetup.Tuned("Host=db;Database=governance;MaxAutoPrepare=0;No Reset On Close=false"));
        Assert.Equal(0, given.MaxAutoPrepare);
        Assert.False(given.NoResetOnClose);
    }

    [Theory]
    [InlineData("Governance:MaxBodyBytes", "10", "MaxBodyBytes")]
    [InlineData("Governance:Provider", "oracle", "Provider")]
    [InlineData("Governance:DefaultCulture", "fr-FR", "DefaultCulture")]
    [InlineData("Governance:Tokens:SigningKey", "c2hvcnQ=", "SigningKey")]
    [InlineData("Governance:Tokens:Authority", "not an address", "Tokens:Authority")]
    [InlineData("Governance:Tokens:Authority", "http://idp.district.example/realms/jiulong", "Tokens:Authority")]
    [InlineData("Governance:Tokens:SigningKey", "not base64 at all, but long enough to pass the length check!!", "SigningKey")]
    public void Invalid_options_stop_the_host_at_start_up(string key, string value, string named)
    {
        using var server = ServerFactory.Sqlite(new() { [key] = value });
        var e = Assert.ThrowsAny<Exception>(() => server.CreateClient());
        Assert.Contains(named, e.ToString(), StringComparison.Ordinal);
    }
}
