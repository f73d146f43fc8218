using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Governance.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Server.Tests;

/// <summary>
/// Hostile callers: every write endpoint × (no token, a forged token, an expired token, a resident acting on another's case,
/// a caller whose role does not allow it, an oversized body, a malformed body) gets the right 4xx, and the database is
/// exactly as it was.
/// </summary>
public sealed class SecurityTests : IAsyncLifetime
{
    private readonly ServerFactory _server = ServerFactory.Sqlite();
    private string _case = "";

    public async Task InitializeAsync() => _case = await Api.ReportAsync(_server.As("C1-R1"));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>Every write endpoint, with a body that is well-formed for it.</summary>
    private IEnumerable<(string Name, HttpMethod Method, string Path, string Body)> Writes()
    {
        foreach (var command in CaseEndpoints.Commands)
        {
            yield return ($"case {command}", HttpMethod.Post, $"/api/cases/{_case}/{command}", command switch
            {
                "escalate" or "pause" or "override-close" or "return" or "refuse-extension" or "refuse-exclusion" => """{"reason":"测试"}""",
                "give-feedback" => """{"satisfaction":"Satisfied"}""",
                "change-priority" => """{"priority":"Urgent"}""",
                "transfer" or "dispatch" => """{"toGrid":"C1-G4"}""",
                "summon-departments" => """{"departments":[{"code":"police","displayName":"派出所"}]}""",
                "report-in" => """{"department":{"code":"police","displayName":"派出所"}}""",
                "record-meeting" => """{"participants":["C1-SEC"],"outcome":"议定"}""",
                "reject" => """{"kind":"NotOurResponsibility","reason":"不属于网格事项"}""",
                "request-extension" => """{"length":"72:00:00","reason":"等待配件"}""",
                "approve-extension" => """{"length":"72:00:00"}""",
                "request-exclusion" => """{"kind":"Unreasonable","reason":"诉求不合理"}""",
                _ => "{}",
            });
        }

        yield return ("timebank deposit", HttpMethod.Post, "/api/timebank/deposit", Api.DepositBody("sec-dep", "C1-V1"));
        yield return ("timebank gift", HttpMethod.Post, "/api/timebank/gift", """{"id":"sec-gift","from":"C1-V1","to":"C1-R1","amount":"10m"}""");
        yield return ("timebank donation", HttpMethod.Post, "/api/timebank/donation", """{"id":"sec-don","from":"C1-V1","amount":"10m"}""");
        yield return ("timebank redemption", HttpMethod.Post, "/api/timebank/redemption", Api.RedemptionBody("sec-red", "C1-V1", "C1-R1"));
        yield return ("scoring facts", HttpMethod.Post, "/api/scoring/facts", """[{"id":"f1","person":"C1-BH1","date":"2026-11-29","kind":"meeting"}]""");
    }

    [Fact]
    public async Task Without_a_valid_token_every_write_is_401_and_changes_nothing()
    {
        var before = await SnapshotAsync();
        var forged = ServerFactory.Token("C1-SEC", options: new TokenOptions { SigningKey = Convert.ToBase64String(new byte[48]) });
        var expired = Access.Issue(new TokenOptions(), "C1-SEC", SystemClock.Instance.GetCurrentInstant() - Duration.FromHours(3), Duration.FromHours(1));
        var otherIssuer = ServerFactory.Token("C1-SEC", options: new TokenOptions { Issuer = "someone-else" });
        foreach (var (name, method, path, body) in Writes().Append(("open311 report", HttpMethod.Post, "/open311/v2/requests.json", "")))
        {
            foreach (var (label, token) in new[] { ("no token", (string?)null), ("forged", forged), ("expired", expired), ("other issuer", otherIssuer), ("garbage", "not.a.jwt") })
            {
                using var response = await SendAsync(method, path, name == "open311 report" ? null : body, token, form: name == "open311 report");
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{name} with {label}: {(int)response.StatusCode}");
            }
        }

        foreach (var path in new[] { $"/api/cases/{_case}", $"/api/cases/{_case}/history", "/api/cases/due", "/api/cases/overdue", "/api/reports/three-rates",
                     "/api/reports/weekly-complaints", "/api/reports/building-heads", "/api/reports/grid-workers", "/api/timebank/accounts/C1-V1", "/api/timebank/accounts/C1-V1/statement?from=2026-11-01&to=2026-11-30",
                     "/api/timebank/trial-balance", "/api/me" })
        {
            foreach (var token in new[] { null, forged, expired })
            {
                using var response = await SendAsync(HttpMethod.Get, path, null, token);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"GET {path}: {(int)response.StatusCode}");
            }
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_resident_cannot_see_or_act_on_another_residents_case()
    {
        var before = await SnapshotAsync();
        var token = ServerFactory.Token("C1-R2");
        foreach (var (name, method, path, body) in Writes().Where(w => w.Name.StartsWith("case ", StringComparison.Ordinal)))
        {
            using var response = await SendAsync(method, path, body, token);
            await Api.ProblemAsync(response, HttpStatusCode.NotFound, "not-found");
        }

        await Api.ProblemAsync(await _server.As("C1-R2").GetAsync($"/api/cases/{_case}"), HttpStatusCode.NotFound, "not-found");
        await Api.ProblemAsync(await _server.As("C1-R2").GetAsync($"/api/cases/{_case}/history"), HttpStatusCode.NotFound, "not-found");
        await Api.OkAsync(await _server.As("C1-R1").GetAsync($"/api/cases/{_case}"));   // the reporter sees it
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_caller_whose_role_does_not_allow_it_is_403_or_409_when_the_state_forbids_it_first()
    {
        var before = await SnapshotAsync();
        var permitted = (await Api.CaseAsync(_server.As("C1-GW3"), _case)).GetProperty("permittedNow").EnumerateArray().Select(t => t.GetString()!).ToHashSet();
        var token = ServerFactory.Token("C1-V2");   // a volunteer with no assignment: nothing is theirs to do
        foreach (var (name, method, path, body) in Writes())
        {
            using var response = await SendAsync(method, path, body, token);
            var trigger = string.Concat(name.Replace("case ", "", StringComparison.Ordinal).Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
            // A trigger the state permits is refused for the role (403), unless its own precondition fails first: resuming
            // needs a pause, approving or refusing needs a pending request (409).
            var needsPending = trigger is "Resume" or "ApproveExclusion" or "RefuseExclusion" or "ApproveExtension" or "RefuseExtension";
            var expected = !name.StartsWith("case ", StringComparison.Ordinal) || (permitted.Contains(trigger) && !needsPending) ? HttpStatusCode.Forbidden : HttpStatusCode.Conflict;
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{name}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        }

        foreach (var path in new[] { "/api/reports/three-rates", "/api/reports/weekly-complaints", "/api/reports/building-heads", "/api/reports/grid-workers", "/api/cases/due", "/api/cases/overdue" })
        {
            await Api.ProblemAsync(await _server.As("C1-R1").GetAsync(path), HttpStatusCode.Forbidden, "not-authorized");
        }

        await Api.ProblemAsync(await _server.As("C1-R2").GetAsync("/api/timebank/accounts/C1-V1"), HttpStatusCode.Forbidden, "not-authorized");
        await Api.ProblemAsync(await _server.As("C1-GW3").GetAsync("/api/timebank/trial-balance"), HttpStatusCode.Forbidden, "not-authorized");
        await Api.ProblemAsync(await _server.As("nobody-here").GetAsync($"/api/cases/{_case}"), HttpStatusCode.Forbidden, "not-authorized");
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Oversized_and_malformed_bodies_are_413_and_400_and_change_nothing()
    {
        var before = await SnapshotAsync();
        var token = ServerFactory.Token("C1-SEC");
        var huge = "{\"note\":\"" + new string('x', 70_000) + "\"}";
        foreach (var (name, method, path, _) in Writes())
        {
            using (var response = await SendAsync(method, path, huge, token))
            {
                Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{name} oversized: {(int)response.StatusCode}");
            }

            foreach (var bad in new[] { "{not json", "[1,2", "\"a string\"", "{\"note\":" + new string('[', 100) + new string(']', 100) + "}" })
            {
                using var response = await SendAsync(method, path, bad, token);
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name} with {bad[..Math.Min(20, bad.Length)]}: {(int)response.StatusCode}");
            }
        }

        using (var huge311 = await SendAsync(HttpMethod.Post, "/open311/v2/requests.json", new string('x', 70_000), token, form: true))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge311.StatusCode);
        }

        foreach (var form in new[] { "service_code=nope&description=x&address_id=C1-B3", "service_code=parking&address_id=C1-B3", "service_code=parking&description=x&address_id=C9-B99", "service_code=parking&description=x&address_id=C1-B3&evil=1" })
        {
            using var response = await SendAsync(HttpMethod.Post, "/open311/v2/requests.json", form, token, form: true);
            await Api.Open311ErrorAsync(response, HttpStatusCode.BadRequest, "invalid-argument");
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body, string? token, bool form = false)
    {
        using var client = _server.CreateClient();
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, form ? "application/x-www-form-urlencoded" : "application/json");
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Everything the database holds that a request could change (the writer epoch aside).</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var db = await _server.Services.GetRequiredService<IDbContextFactory<GovernanceDbContext>>().CreateDbContextAsync();
        var cases = await db.Cases.AsNoTracking().OrderBy(c => c.Id).Select(c => $"{c.Id}:{c.Version}:{c.State}:{c.GridId}:{c.Priority}").ToListAsync();
        return string.Join("|", cases) + $"#{await db.CaseHistory.CountAsync()}#{await db.TimeBankJournal.CountAsync()}#{await db.ScoringFacts.CountAsync()}#{await db.SlaReported.CountAsync()}#{await db.OrganisationVersions.CountAsync()}";
    }
}
