using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Cases;
using Governance.EntityFrameworkCore.Cases;
using Governance.Organisation;
using Governance.People;
using Microsoft.AspNetCore.RateLimiting;
using NodaTime.Text;

namespace Governance.Server;

/// <summary>
/// Open311 GeoReport v2 (<c>/open311/v2/…</c>), so civic clients and 12345 integrations can talk to the district:
/// <c>services.json</c> lists the case categories; <c>requests.json</c> registers a report (form-encoded, as the spec says,
/// or JSON with the same keys) and lists reports; <c>requests/{id}.json</c> reads one. A case is <c>open</c> until it is
/// closed or rejected, and <c>closed</c> after; <c>status_notes</c> carries the loop's state and the latest note. Where the
/// report is located: <c>address_id</c> is a building (<c>C1-B3</c>) or a unit (<c>C1-B3-U1</c>), or
/// <c>attribute[grid]</c> names the grid.
/// </summary>
internal static class Open311Endpoints
{
    public const string RateLimitPolicy = "open311";

    public static void Map(WebApplication app)
    {
        var open311 = app.MapGroup("/open311/v2").WithTags("open311").RequireRateLimiting(RateLimitPolicy).AddEndpointFilter(Open311Errors.FilterAsync);
        open311.MapGet("/services.{format:regex(^(json|xml)$)}", Services).AllowAnonymous().WithSummary("The service list: case categories.");
        open311.MapGet("/requests.{format:regex(^(json|xml)$)}", ListAsync).AllowAnonymous().WithSummary("Service requests, newest first (filters: service_request_id, service_code, status, start_date, end_date).");
        open311.MapGet("/requests/{id}.{format:regex(^(json|xml)$)}", GetAsync).AllowAnonymous().WithSummary("One service request.");
        open311.MapPost("/requests.{format:regex(^(json|xml)$)}", PostAsync).AllowAnonymous().WithSummary("Report a service request (a resident, the 12345 hotline, a grid worker).")
            .Accepts<Dictionary<string, string>>("application/x-www-form-urlencoded", "application/json");
    }

    private static IResult Services(string format) => Answer(format, "services", "service", CaseCategory.WellKnown.Select(c => new Open311Service(
        c.Code, c.DisplayName, c.DisplayName, false, "realtime", "", "网格事件")).ToArray());

    /// <summary>
    /// The answer in the format the path names: JSON, or Open311's XML (<c>&lt;services&gt;&lt;service&gt;…</c>, the same
    /// element names as the JSON members). Refusals become Open311's error document in the same format (<see cref="Open311Errors"/>).
    /// </summary>
    private static IResult Answer<T>(string format, string root, string item, IReadOnlyCollection<T> items, int status = StatusCodes.Status200OK)
    {
        if (format != "xml")
        {
            return status == StatusCodes.Status201Created ? TypedResults.Json(items, statusCode: status) : TypedResults.Ok(items);
        }

        var json = JsonSerializer.SerializeToElement(items);
        var xml = new System.Xml.Linq.XElement(root, json.EnumerateArray().Select(e => new System.Xml.Linq.XElement(item,
            e.EnumerateObject().Select(p => new System.Xml.Linq.XElement(p.Name, p.Value.ValueKind switch
            {
                JsonValueKind.Null => "",
                JsonValueKind.String => p.Value.GetString(),
                _ => p.Value.GetRawText(),
            })))));
        return Results.Text(new System.Xml.Linq.XDocument(new System.Xml.Linq.XDeclaration("1.0", "utf-8", null), xml).Declaration + "\n" + xml,
            "application/xml; charset=utf-8", System.Text.Encoding.UTF8, status);
    }

    private static async Task<IResult> GetAsync(string id, string format, District d, CancellationToken ct)
    {
        if (!Id<Case>.TryParse(id, null, out var caseId))
        {
            return Problems.Invalid($"'{id}' is not a service request id.");
        }

        var c = await d.Cases.LoadAsync(caseId, ct);
        return c is null ? Problems.NotFound($"Service request '{id}'") : Answer(format, "service_requests", "request", new[] { Request(c, d) });
    }

    private static async Task<IResult> ListAsync(
        string format, District d, CancellationToken ct,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "service_request_id")] string? ids = null,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "service_code")] string? serviceCode = null,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "start_date")] string? startDate = null,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "end_date")] string? endDate = null,
        string? status = null)
    {
        if (ids is not null)
        {
            var found = new List<Open311Request>();
            foreach (var one in ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(100))
            {
                if (Id<Case>.TryParse(one, null, out var caseId) && await d.Cases.LoadAsync(caseId, ct) is { } c)
                {
                    found.Add(Request(c, d));
                }
            }

            return Answer(format, "service_requests", "request", found);
        }

        bool? open = status switch
        {
            null => null,
            "open" => true,
            "closed" => false,
            _ => null,
        };
        if (status is not null && open is null)
        {
            return Problems.Invalid($"status is 'open' or 'closed', not '{status}'.");
        }

        if (serviceCode is not null && CaseCategory.WellKnown.All(c => c.Code != serviceCode))
        {
            return Problems.Invalid($"service_code '{serviceCode}' is not one of services.json.");
        }

        Instant? from = null, to = null;
        foreach (var (name, text) in new[] { ("start_date", startDate), ("end_date", endDate) })
        {
            if (text is null)
            {
                continue;
            }

            var parsed = OffsetDateTimePattern.ExtendedIso.Parse(text);
            if (!parsed.Success)
            {
                return Problems.Invalid($"{name} is a W3C date-time like 2026-12-01T08:00:00+08:00, not '{text}'.");
            }

            if (name == "start_date")
            {
                from = parsed.Value.ToInstant();
            }
            else
            {
                to = parsed.Value.ToInstant();
            }
        }

        if (from is { } f && to is { } t && t < f)
        {
            return Problems.Invalid("end_date is before start_date.");
        }

        // The spec's default window: the last 90 days; at most 1,000 requests.
        from ??= (to ?? d.Now) - Duration.FromDays(90);
        var cases = await d.Cases.LoadManyAsync(new CaseSearch(open, serviceCode, registeredFrom: from, registeredBefore: to, take: 1000), ct);
        return Answer(format, "service_requests", "request", cases.Select(c => Request(c, d)).ToArray());
    }

    private static async Task<IResult> PostAsync(string format, HttpContext http, District d, CancellationToken ct)
    {
        var caller = Access.Caller(http.User, d.Organisation);
        if (http.User.Identity?.IsAuthenticated == true && caller is null)
        {
            return Problems.Forbidden("The token names no person of this district.");
        }

        if (caller is null && !d.Options.AnonymousReports)
        {
            return TypedResults.Problem("This district takes reports from signed-in residents and staff only.", statusCode: StatusCodes.Status401Unauthorized,
                title: "Sign in to report.", extensions: new Dictionary<string, object?> { ["code"] = "not-authorized", ["detailCode"] = "open311.anonymous-off" });
        }

        var (fields, error) = await FieldsAsync(http.Request, d.Options.MaxBodyBytes, ct);
        if (fields is null)
        {
            return error!;
        }

        var unknown = fields.Keys.FirstOrDefault(k => !Known.Contains(k));
        if (unknown is not null)
        {
            return Problems.Invalid($"'{unknown}' is not a field of an Open311 service request this district reads.");
        }

        string? Field(string name) => fields.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
        if (Field("service_code") is not { } code || CaseCategory.WellKnown.FirstOrDefault(c => c.Code == code) is not { } category)
        {
            return Problems.Invalid($"service_code is required and is one of services.json; was '{Field("service_code")}'.");
        }

        if (Field("description") is not { } description || description.Length > 4000)
        {
            return Problems.Invalid("description is required (up to 4,000 characters).");
        }

        var location = Locate(Field("address_id"), Field("attribute[grid]"), Field("address_string"), d.Organisation);
        if (location is null)
        {
            return Problems.Invalid("address_id (a building or unit of the district) or attribute[grid] (a grid) is required and must exist.");
        }

        CaseSource source;
        switch (Field("attribute[source]"))
        {
            case null:
                source = caller is null || caller.HasRole(Role.Resident) ? CaseSource.ResidentReport : CaseSource.PatrolDiscovery;
                break;
            case var s when caller is not null && Access.IsStaff(caller) && CaseSourceOf(s) is { } staffSource:
                source = staffSource;
                break;
            case var s:
                return Problems.Invalid($"attribute[source] '{s}' is one of resident, patrol, 12345, assigned, part-time, and only staff set it.");
        }

        // An Idempotency-Key makes a retried report the same case: its id is derived from the key.
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        var id = key.Length > 0
            ? $"R-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{caller?.Id.Value}|{key}")))[..20]}"
            : $"R-{d.Now.InZone(d.Zone).ToString("uuuuMMdd", null)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
        var attachments = Field("media_url") is { } media ? new[] { media } : null;
        try
        {
            var registration = new CaseRegistration(id, source, category, location, description, d.Now, caller?.Id, Attachments: attachments);
            var c = d.Workflow.Register(registration);
            try
            {
                await d.Cases.AddAsync(c, ct);
            }
            catch (CaseConcurrencyException) when (key.Length > 0)
            {
                c = await d.Cases.LoadAsync(id, ct) ?? throw new InvalidOperationException($"Case '{id}' was stored and is gone.");   // the same report, sent again
            }

            http.Response.Headers.Location = $"/open311/v2/requests/{c.Id}.{format}";
            return Answer(format, "service_requests", "request", new[] { new Open311Created(c.Id.Value, "已受理，网格员将在1小时内响应。", null) }, StatusCodes.Status201Created);
        }
        catch (Exception e) when (e is GovernanceException or ArgumentException)
        {
            return Problems.From(e);
        }
    }

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "service_code", "description", "address_id", "address_string", "lat", "long", "media_url", "attribute[grid]", "attribute[source]",
        "email", "device_id", "account_id", "first_name", "last_name", "phone", "api_key", "jurisdiction_id",
    };

    private static CaseSource? CaseSourceOf(string code) =>
        new[] { CaseSource.ResidentReport, CaseSource.PatrolDiscovery, CaseSource.Hotline12345, CaseSource.AssignedFromAbove, CaseSource.PartTimeGridWorker }
            .FirstOrDefault(s => s.Code == code);

    private static CaseLocation? Locate(string? addressId, string? grid, string? address, OrganisationModel organisation)
    {
        if (addressId is not null)
        {
            if (Id<BuildingUnit>.TryParse(addressId, null, out var unitId) && organisation.ContainsUnit(unitId))
            {
                var unit = organisation.Units.First(u => u.Id == unitId);
                return new CaseLocation(organisation.GridOf(unit.MicroGridId).Id, unit.BuildingId, unitId, Address: address);
            }

            if (Id<Building>.TryParse(addressId, null, out var buildingId) && organisation.ContainsBuilding(buildingId)
                && organisation.UnitsOf(buildingId).FirstOrDefault() is { } first)
            {
                return new CaseLocation(organisation.GridOf(first.MicroGridId).Id, buildingId, Address: address);
            }

            return null;
        }

        return grid is not null && Id<Grid>.TryParse(grid, null, out var gridId) && organisation.ContainsGrid(gridId)
            ? new CaseLocation(gridId, Address: address)
            : null;
    }

    private static async Task<(Dictionary<string, string>? Fields, IResult? Error)> FieldsAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (request.ContentLength > limit)
        {
            return (null, Problems.TooLarge(limit));
        }

        if (request.HasFormContentType)
        {
            try
            {
                var form = await request.ReadFormAsync(new Microsoft.AspNetCore.Http.Features.FormOptions { ValueLengthLimit = limit, KeyLengthLimit = 64, ValueCountLimit = 64 }, ct);
                if (form.Keys.Any(k => form[k].Count > 1))
                {
                    return (null, Problems.Invalid("A field is given twice."));
                }

                return (form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal), null);
            }
            catch (InvalidDataException e)
            {
                return (null, e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) ? Problems.TooLarge(limit) : Problems.Invalid("The form is not valid.", e.Message));
            }
        }

        var (body, error) = await Access.ReadObjectAsync(request, limit, ct);
        if (error is not null)
        {
            return (null, error);
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in body.EnumerateObject())
        {
            if (member.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number) || !fields.TryAdd(member.Name, member.Value.ValueKind == JsonValueKind.String ? member.Value.GetString()! : member.Value.GetRawText()))
            {
                return (null, Problems.Invalid($"'{member.Name}' must be given once, as a string."));
            }
        }

        return (fields, null);
    }

    private static Open311Request Request(Case c, District d)
    {
        var steps = d.StepsNow(c);
        var open = steps.Where(s => s.CompletedAt is null && s.Status != Governance.Sla.SlaStatus.Cancelled).Select(s => (Instant?)s.Deadline).Min();
        var notes = $"{CaseDisplayNames.Of(c.State)}（{c.State}）" + (c.History.Count > 0 && c.History[^1].Note is { } note ? $"：{note}" : "");
        return new Open311Request(
            c.Id.Value, c.IsTerminal ? "closed" : "open", notes, c.Category.DisplayName, c.Category.Code, c.Registration.Description,
            d.Organisation.Grid(c.GridId).Name, Local(c.RegisteredAt, d.Zone), Local(c.LastActivityAt, d.Zone), open is { } e ? Local(e, d.Zone) : null,
            c.Registration.Location.Address, c.Registration.Location.UnitId?.Value ?? c.Registration.Location.BuildingId?.Value, c.Registration.Attachments?.FirstOrDefault());
    }

    private static readonly OffsetDateTimePattern W3c = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<m>");

    private static string Local(Instant i, DateTimeZone zone) => W3c.Format(i.InZone(zone).ToOffsetDateTime());
}

/// <summary>An Open311 service (a case category).</summary>
internal sealed record Open311Service(
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("service_name")] string ServiceName,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("metadata")] bool Metadata,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("keywords")] string Keywords,
    [property: JsonPropertyName("group")] string Group);

/// <summary>An Open311 service request (a case).</summary>
internal sealed record Open311Request(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("status_notes")] string StatusNotes,
    [property: JsonPropertyName("service_name")] string ServiceName,
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("agency_responsible")] string AgencyResponsible,
    [property: JsonPropertyName("requested_datetime")] string RequestedDatetime,
    [property: JsonPropertyName("updated_datetime")] string UpdatedDatetime,
    [property: JsonPropertyName("expected_datetime")] string? ExpectedDatetime,
    [property: JsonPropertyName("address")] string? Address,
    [property: JsonPropertyName("address_id")] string? AddressId,
    [property: JsonPropertyName("media_url")] string? MediaUrl);

/// <summary>The answer to <c>POST requests</c>.</summary>
internal sealed record Open311Created(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("service_notice")] string ServiceNotice,
    [property: JsonPropertyName("account_id")] string? AccountId);
