using System.Threading.RateLimiting;
using Governance.Diagnostics;
using Governance.EntityFrameworkCore.Storage;
using Governance.Json;
using Governance.Server;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Scalar.AspNetCore;

// `token <person>` prints a development token for a person of the demo district, signed with the configured key.
if (args is ["token", var who, ..])
{
    var config = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddEnvironmentVariables().AddCommandLine(args[2..]).Build();
    var tokens = config.GetSection($"{ServerOptions.Section}:Tokens").Get<TokenOptions>() ?? new TokenOptions();
    Console.WriteLine(Access.Issue(tokens, who, SystemClock.Instance.GetCurrentInstant(), Duration.FromHours(12)));
    return 0;
}

var builder = WebApplication.CreateBuilder(args);
if (builder.Configuration["database"] is { } database)
{
    // --database: a connection string for PostgreSQL (Host=…) or a SQLite file.
    builder.Configuration[$"{ServerOptions.Section}:Provider"] = database.Contains("Host=", StringComparison.OrdinalIgnoreCase) ? "postgresql" : "sqlite";
    builder.Configuration[$"{ServerOptions.Section}:ConnectionString"] = database.Contains('=') ? database : $"Data Source={database}";
}

var settings = builder.Configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();
ServerOptions.ThrowIfInvalid(settings);   // before the database is touched
builder.Services.AddOptions<ServerOptions>().Bind(builder.Configuration.GetSection(ServerOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

// The database first: the organisation the workflow runs on is the database's (the demo district on a new database).
var dbOptions = new DbContextOptionsBuilder<GovernanceDbContext>();
DatabaseSetup.Configure(dbOptions, settings, builder.Environment.ContentRootPath);
var organisation = await DatabaseSetup.PrepareAsync(dbOptions.Options);

builder.Services
    .AddGovernanceCore(builder.Configuration.GetSection("Governance:Core").Bind)
    .AddGovernanceWorkflow(w => w.Organisation = organisation)
    .AddGovernanceScoring()
    .AddGovernanceTimeBank()
    .AddGovernanceEntityFrameworkCore(o => DatabaseSetup.Configure(o, settings, builder.Environment.ContentRootPath));
builder.Services.AddSingleton<District>();
builder.Services.AddSingleton<CaseCache>();
builder.Services.AddSingleton<DashboardSummaries>();
builder.Services.AddSingleton<LedgerHost>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<LedgerHost>());
builder.Services.AddSingleton<SlaMonitor>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<SlaMonitor>());
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.ConfigureForGovernance();
    o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;   // Chinese as it is; served as application/json only
});
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks().AddCheck<SchemaHealthCheck>("database");

builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<ServerOptions>>((jwt, server) =>
{
    var tokens = server.Value.Tokens;
    jwt.MapInboundClaims = false;
    if (tokens.Authority is { } authority)
    {
        // The district's identity service: its issuer and signing keys from its discovery document (refreshed as it rotates them).
        jwt.Authority = authority;
        jwt.RequireHttpsMetadata = tokens.RequireHttpsMetadata;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidAudience = tokens.Audience,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
        };
        return;
    }

    jwt.TokenValidationParameters = new TokenValidationParameters
    {
        ValidIssuer = tokens.Issuer,
        ValidAudience = tokens.Audience,
        IssuerSigningKey = Access.Key(tokens),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.FromSeconds(30),
    };
});
builder.Services.AddAuthorization();
builder.Services.AddRateLimiter(o =>
{
    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    o.AddPolicy(Open311Endpoints.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
        http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = http.RequestServices.GetRequiredService<IOptions<ServerOptions>>().Value.PublicRequestsPerMinute,
            Window = TimeSpan.FromMinutes(1),
        }));
});

// The library's meters and activities, exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set.
if (builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 })
{
    builder.Services.AddOpenTelemetry()
        .WithMetrics(m => m.AddMeter(WorkflowTelemetry.MeterName, TimeBankTelemetry.MeterName, ScoringTelemetry.MeterName).AddOtlpExporter())
        .WithTracing(t => t.AddSource(WorkflowTelemetry.ActivitySourceName, TimeBankTelemetry.ActivitySourceName, ScoringTelemetry.ActivitySourceName).AddOtlpExporter());
}

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();

// The library's messages in the request's language (Accept-Language: zh-CN or en), the configured default otherwise.
app.UseRequestLocalization(new RequestLocalizationOptions { ApplyCurrentCultureToResponseHeaders = true }
    .SetDefaultCulture(settings.DefaultCulture)
    .AddSupportedCultures("en", "zh-CN")
    .AddSupportedUICultures("en", "zh-CN"));
var dashboard = new Microsoft.Extensions.FileProviders.EmbeddedFileProvider(typeof(Program).Assembly, "Governance.Server.wwwroot");
app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = dashboard });
app.UseStaticFiles(new StaticFileOptions { FileProvider = dashboard });
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapOpenApi();
app.MapScalarApiReference("/docs");
app.MapHealthChecks("/health");
app.MapGet("/api/me", (HttpContext http, District d) => Access.Caller(http.User, d.Organisation) is { } p
        ? TypedResults.Ok(new { id = p.Id.Value, name = p.Name, roles = p.Roles.Select(r => r.ToString()).ToArray() })
        : Problems.Forbidden("The token names no person of this district."))
    .RequireAuthorization().WithTags("people");
Open311Endpoints.Map(app);
CaseEndpoints.Map(app);
TimeBankEndpoints.Map(app);
ReportEndpoints.Map(app);

await app.RunAsync();
return 0;

/// <summary>The host's entry point (public for <c>WebApplicationFactory</c>).</summary>
public partial class Program;
