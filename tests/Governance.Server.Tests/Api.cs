using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Governance.Server.Tests;

/// <summary>The calls the tests make, spelled once.</summary>
internal static class Api
{
    public static async Task<string> ReportAsync(HttpClient client, string building = "C1-B3", string code = "parking", string? key = null, string? source = null)
    {
        using var response = await PostReportAsync(client, building, code, key, source);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!;
    }

    public static Task<HttpResponseMessage> PostReportAsync(HttpClient client, string building = "C1-B3", string code = "parking", string? key = null, string? source = null)
    {
        var fields = new Dictionary<string, string> { ["service_code"] = code, ["description"] = "楼下车辆乱停放，堵住单元门", ["address_id"] = building };
        if (source is not null)
        {
            fields["attribute[source]"] = source;
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/open311/v2/requests.json") { Content = new FormUrlEncodedContent(fields) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> CommandAsync(HttpClient client, string id, string command, object? body = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/{command}")
        {
            Content = new StringContent(JsonSerializer.Serialize(body ?? new { }), Encoding.UTF8, "application/json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts a problem-details refusal with the status and reason code.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        if (code is null)
        {
            return default;
        }

        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    /// <summary>Asserts an Open311 refusal: GeoReport v2's error document in JSON, with the status and the library's reason code.</summary>
    public static async Task<JsonElement> Open311ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = Assert.Single(JsonDocument.Parse(body).RootElement.EnumerateArray()).Clone();
        Assert.Equal((int)status, error.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("description").GetString()));
        Assert.Equal(code, error.GetProperty("reason").GetString());
        return error;
    }

    public static async Task<JsonElement> CaseAsync(HttpClient client, string id) => await OkAsync(await client.GetAsync($"/api/cases/{id}"));

    /// <summary>A deposit of a volunteer's service, the library's own request as JSON without its type and verifier (the host sets them).</summary>
    public static Task<HttpResponseMessage> DepositAsync(HttpClient client, string id, string account, int minutes)
    {
        var start = Instant.FromUtc(2026, 11, 29, 1, 0);
        var request = new Governance.TimeBank.DepositRequest(id, account,
            new Governance.TimeBank.ServiceRecord(Governance.TimeBank.ServiceType.HomeVisit, new NodaTime.Interval(start, start + Duration.FromMinutes(minutes))), "nobody");
        return client.PostAsync("/api/timebank/deposit", new StringContent(Body(request), Encoding.UTF8, "application/json"));
    }

    /// <summary>A library request as the API's body: without its type (the route's) and a deposit's verifier (the token's).</summary>
    public static string Body(Governance.TimeBank.TimeBankRequest request)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(request, Governance.Json.GovernanceJson.Options))!.AsObject();
        json.Remove("type");
        json.Remove("verifiedBy");
        return json.ToJsonString();
    }

    /// <summary>A deposit's body (one hour of home visiting on 2026-11-29).</summary>
    public static string DepositBody(string id, string account) => Body(new Governance.TimeBank.DepositRequest(id, account,
        new Governance.TimeBank.ServiceRecord(Governance.TimeBank.ServiceType.HomeVisit, new NodaTime.Interval(Instant.FromUtc(2026, 11, 29, 1, 0), Instant.FromUtc(2026, 11, 29, 2, 0))), "nobody"));

    /// <summary>A redemption's body (10 minutes of home care on 2026-11-29).</summary>
    public static string RedemptionBody(string id, string holder, string recipient) => Body(new Governance.TimeBank.RedemptionRequest(id, holder, recipient,
        Governance.TimeBank.ServiceType.HomeCare, new LocalDate(2026, 11, 29), Governance.TimeBank.TimeCredit.FromMinutes(10)));

    public static Task<HttpResponseMessage> GiftAsync(HttpClient client, string id, string from, string to, int minutes) =>
        client.PostAsync("/api/timebank/gift", new StringContent(
            JsonSerializer.Serialize(new { id, from, to, amount = $"{minutes}m" }), Encoding.UTF8, "application/json"));
}
