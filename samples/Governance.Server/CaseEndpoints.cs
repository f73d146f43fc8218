using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Cases;
using Governance.EntityFrameworkCore.Cases;
using Governance.Json;

namespace Governance.Server;

/// <summary>
/// 事件接口 — the staff API of the closed loop: a case, its SLA and history, the due and overdue lists, and one endpoint per
/// command (<c>POST /api/cases/{id}/{command}</c>, the command's documented <c>type</c> code). The body is the command's own
/// members; the host fills in the actor (the token's person) and the time (its clock). <c>If-Match</c> with the case's ETag
/// (its version) makes a command conditional.
/// </summary>
internal static class CaseEndpoints
{
    /// <summary>The commands the API offers, by their JSON type code.</summary>
    public static readonly string[] Commands =
    [
        "respond", "claim", "escalate", "summon-departments", "report-in", "record-meeting", "resolve", "give-feedback", "close",
        "override-close", "reject", "transfer", "pause", "resume", "change-priority", "return", "dispatch", "request-extension",
        "approve-extension", "refuse-extension", "request-exclusion", "approve-exclusion", "refuse-exclusion",
    ];

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/cases").RequireAuthorization().WithTags("cases");
        api.MapGet("/{id}", GetAsync).WithSummary("A case (ETag: its version).");
        api.MapGet("/{id}/history", HistoryAsync).WithSummary("A case's history.");
        api.MapGet("/due", DueAsync).WithSummary("Open cases with a step due by an instant (default: now + 1 hour), soonest first.");
        api.MapGet("/overdue", OverdueAsync).WithSummary("Open cases with a step past its deadline now.");
        foreach (var command in Commands)
        {
            api.MapPost($"/{{id}}/{command}", (string id, HttpContext http, District d, CaseCache cache, CancellationToken ct) => ExecuteAsync(id, command, http, d, cache, ct))
                .WithName($"case-{command}").WithSummary($"The '{command}' command.")
                .Accepts<JsonObject>("application/json");
        }
    }

    private static Task<IResult> GetAsync(string id, HttpContext http, District d, CaseCache cache, CancellationToken ct) =>
        ReadAsync(id, http, d, cache, c =>
        {
            http.Response.Headers.ETag = ETag(c.Version);
            return TypedResults.Ok(d.View(c));
        }, ct);

    private static Task<IResult> HistoryAsync(string id, HttpContext http, District d, CaseCache cache, CancellationToken ct) =>
        ReadAsync(id, http, d, cache, c => TypedResults.Ok(c.History.Select(HistoryView.Of).ToArray()), ct);

    private static async Task<IResult> DueAsync(HttpContext http, District d, string? by, CancellationToken ct)
    {
        if (Access.Caller(http.User, d.Organisation) is not { } caller || !Access.IsStaff(caller))
        {
            return Problems.Forbidden("Only the district's staff see the due list.");
        }

        Instant until;
        if (by is null)
        {
            until = d.Now + Duration.FromHours(1);
        }
        else if (NodaTime.Text.InstantPattern.ExtendedIso.Parse(by) is { Success: true } parsed)
        {
            until = parsed.Value;
        }
        else
        {
            return Problems.Invalid($"'by' is not an instant like 2026-12-01T08:00:00Z: '{by}'.");
        }

        return TypedResults.Ok(await DueRowsAsync(d, until, ct));
    }

    private static async Task<IResult> OverdueAsync(HttpContext http, District d, CancellationToken ct)
    {
        if (Access.Caller(http.User, d.Organisation) is not { } caller || !Access.IsStaff(caller))
        {
            return Problems.Forbidden("Only the district's staff see the overdue list.");
        }

        return TypedResults.Ok(await DueRowsAsync(d, d.Now, ct));
    }

    internal static async Task<IReadOnlyList<DueView>> DueRowsAsync(District d, Instant by, CancellationToken ct)
    {
        var rows = await d.Cases.ListAsync(new CasesDueBy(by, take: 200), ct);
        return rows.Select(r => new DueView(r.Id, r.GridId, r.Category, r.State.ToString(), r.NextDeadline, r.NextDeadline < d.Now)).ToArray();
    }

    private static async Task<IResult> ExecuteAsync(string id, string type, HttpContext http, District d, CaseCache cache, CancellationToken ct)
    {
        if (Access.Caller(http.User, d.Organisation) is not { } caller)
        {
            return Problems.Forbidden("The token names no person of this district.");
        }

        var (body, error) = await Access.ReadObjectAsync(http.Request, d.Options.MaxBodyBytes, ct);
        if (error is not null)
        {
            return error;
        }

        foreach (var reserved in new[] { "type", "actor", "at" })
        {
            if (body.TryGetProperty(reserved, out _))
            {
                return Problems.Invalid($"'{reserved}' is set by the server (the command's type from the route, the actor from the token, the time from its clock).");
            }
        }

        var ifMatch = http.Request.Headers.IfMatch;
        CaseCommand command;
        try
        {
            var json = new JsonObject { ["type"] = type, ["actor"] = caller.Id.Value, ["at"] = JsonSerializer.SerializeToNode(d.Now, GovernanceJson.Options) };
            foreach (var member in body.EnumerateObject())
            {
                json[member.Name] = JsonNode.Parse(member.Value.GetRawText());
            }

            command = json.Deserialize<CaseCommand>(GovernanceJson.Options) ?? throw new JsonException("Expected a command.");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or FormatException)
        {
            return Problems.From(e);
        }

        // On the cached case; a command that loses a race with another instance is tried once more on the case read again,
        // unless the caller pinned the version with If-Match.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await cache.WithCaseAsync(id, current: ifMatch.Count > 0, async c =>
                {
                    if (Access.IsResidentOnly(caller) && c.Registration.Reporter != caller.Id)
                    {
                        return Problems.NotFound($"Case '{id}'");
                    }

                    if (ifMatch.Count > 0 && !ifMatch.Any(v => v == "*" || v == ETag(c.Version)))
                    {
                        return Problems.PreconditionFailed(c.Version);
                    }

                    var version = c.Version;
                    c.Execute(command);
                    await d.Cases.AppendAsync(c, version, ct);
                    c.ClearDomainEvents();
                    http.Response.Headers.ETag = ETag(c.Version);
                    return TypedResults.Ok(d.View(c));
                }, ct) ?? Problems.NotFound($"Case '{id}'");
            }
            catch (CaseConcurrencyException) when (attempt == 0 && ifMatch.Count == 0)
            {
            }
            catch (Exception e) when (e is GovernanceException or JsonException or NotSupportedException or ArgumentException or FormatException)
            {
                return Problems.From(e);
            }
        }
    }

    /// <summary>Reads a case the caller may see, current with the store (a resident sees their own reports only).</summary>
    private static async Task<IResult> ReadAsync(string id, HttpContext http, District d, CaseCache cache, Func<Case, IResult> read, CancellationToken ct)
    {
        if (Access.Caller(http.User, d.Organisation) is not { } caller)
        {
            return Problems.Forbidden("The token names no person of this district.");
        }

        try
        {
            return await cache.WithCaseAsync(id, current: true, c => Task.FromResult(
                    Access.IsResidentOnly(caller) && c.Registration.Reporter != caller.Id ? Problems.NotFound($"Case '{id}'") : read(c)), ct)
                ?? Problems.NotFound($"Case '{id}'");
        }
        catch (Exception e) when (e is GovernanceException or ArgumentException or JsonException)
        {
            return Problems.From(e);
        }
    }

    public static string ETag(int version) => $"\"{version}\"";
}

/// <summary>A case on the due or overdue list.</summary>
internal sealed record DueView(string Id, string Grid, string Category, string State, Instant? NextDeadline, bool Overdue);
