using System.Net;
using System.Text.Json;

namespace Governance.Server.Tests;

/// <summary>
/// The API through a case's life and the time bank, in-process on a real database; run on SQLite and on PostgreSQL by the
/// subclasses.
/// </summary>
public abstract class ApiScenarios
{
    protected abstract ServerFactory NewServer();

    [Fact]
    public async Task A_resident_report_goes_round_the_loop_and_Open311_follows_it()
    {
        await using var server = NewServer();
        using var resident = server.As("C1-R1");
        using var worker = server.As("C1-GW3");
        var id = await Api.ReportAsync(resident);

        var listed = await Api.OkAsync(await server.CreateClient().GetAsync($"/open311/v2/requests/{id}.json"));
        Assert.Equal("open", listed[0].GetProperty("status").GetString());
        Assert.Equal("parking", listed[0].GetProperty("service_code").GetString());
        Assert.Equal("2026-11-30T10:00:00+08:00", listed[0].GetProperty("expected_datetime").GetString());   // 1 hour to respond

        foreach (var (minutes, command, who) in new[] { (10, "respond", worker), (20, "claim", worker), (120, "resolve", worker) })
        {
            server.Clock.Advance(Duration.FromMinutes(minutes));
            await Api.OkAsync(await Api.CommandAsync(who, id, command, new { note = $"{command} 完成" }));
        }

        server.Clock.Advance(Duration.FromHours(3));
        await Api.OkAsync(await Api.CommandAsync(resident, id, "give-feedback", new { satisfaction = "Satisfied" }));
        server.Clock.Advance(Duration.FromMinutes(5));
        var closed = await Api.OkAsync(await Api.CommandAsync(worker, id, "close"));
        Assert.Equal("Closed", closed.GetProperty("state").GetString());
        Assert.Equal(5, closed.GetProperty("version").GetInt32());
        Assert.All(closed.GetProperty("sla").EnumerateArray(), s => Assert.Equal("Met", s.GetProperty("status").GetString()));

        var after = await Api.OkAsync(await server.CreateClient().GetAsync("/open311/v2/requests.json?status=closed"));
        Assert.Equal(id, Assert.Single(after.EnumerateArray()).GetProperty("service_request_id").GetString());
        Assert.Empty((await Api.OkAsync(await server.CreateClient().GetAsync("/open311/v2/requests.json?status=open"))).EnumerateArray());
        var history = await Api.OkAsync(await worker.GetAsync($"/api/cases/{id}/history"));
        Assert.Equal(["Respond", "Claim", "Resolve", "GiveFeedback", "Close"], history.EnumerateArray().Select(h => h.GetProperty("trigger").GetString()!).ToArray());

        // The case counts for grid 3's worker: every step met and a satisfied resident put them first for the quarter.
        var ranking = await Api.OkAsync(await server.As("C1-SEC").GetAsync("/api/reports/grid-workers?year=2026&quarter=4"));
        Assert.Equal("C1-GW3", ranking[0].GetProperty("person").GetString());
        Assert.True(ranking[0].GetProperty("total").GetDecimal() > ranking[1].GetProperty("total").GetDecimal());
        var rates = await Api.OkAsync(await server.As("C1-SEC").GetAsync("/api/reports/three-rates?month=2026-11"));
        var grid3 = rates.GetProperty("grids").EnumerateArray().Single(g => g.GetProperty("unit").GetString() == "C1-G3");
        Assert.Equal(1.0, grid3.GetProperty("response").GetDouble());
        Assert.Equal(1.0, grid3.GetProperty("satisfaction").GetDouble());
    }

    [Fact]
    public async Task Open311_answers_in_xml_too()
    {
        await using var server = NewServer();
        using var anonymous = server.CreateClient();
        var services = System.Xml.Linq.XDocument.Parse(await anonymous.GetStringAsync("/open311/v2/services.xml"));
        Assert.Equal("services", services.Root!.Name.LocalName);
        Assert.Contains(services.Root.Elements("service"), e => e.Element("service_code")?.Value == "parking" && e.Element("service_name")?.Value == "停车问题");

        using var resident = server.As("C1-R1");
        using var post = await resident.PostAsync("/open311/v2/requests.xml", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["service_code"] = "parking",
            ["description"] = "楼下乱停车",
            ["address_id"] = "C1-B3-U1",
        }));
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        Assert.StartsWith("application/xml", post.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var id = System.Xml.Linq.XDocument.Parse(await post.Content.ReadAsStringAsync()).Root!.Element("request")!.Element("service_request_id")!.Value;
        Assert.EndsWith($"/open311/v2/requests/{id}.xml", post.Headers.Location?.ToString(), StringComparison.Ordinal);

        var one = System.Xml.Linq.XDocument.Parse(await anonymous.GetStringAsync($"/open311/v2/requests/{id}.xml")).Root!.Element("request")!;
        Assert.Equal("open", one.Element("status")!.Value);
        Assert.Equal("C1-B3-U1", one.Element("address_id")!.Value);
        Assert.Equal("", one.Element("media_url")!.Value);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/open311/v2/services.csv")).StatusCode);
    }

    [Fact]
    public async Task Open311_refusals_are_its_error_document_in_json_and_xml()
    {
        await using var server = NewServer();
        using var anonymous = server.CreateClient();
        var missing = await Api.Open311ErrorAsync(await anonymous.GetAsync("/open311/v2/requests/C1-E404.json"), HttpStatusCode.NotFound, "not-found");
        Assert.Equal("not-found", missing.GetProperty("detail_code").GetString());
        await Api.Open311ErrorAsync(await anonymous.GetAsync("/open311/v2/requests.json?status=pending"), HttpStatusCode.BadRequest, "invalid-argument");

        using var xml = await anonymous.GetAsync("/open311/v2/requests.xml?status=pending");
        Assert.Equal(HttpStatusCode.BadRequest, xml.StatusCode);
        Assert.StartsWith("application/xml", xml.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var error = System.Xml.Linq.XDocument.Parse(await xml.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("errors", error.Name.LocalName);
        Assert.Equal("400", error.Element("error")!.Element("code")!.Value);
        Assert.Contains("pending", error.Element("error")!.Element("description")!.Value, StringComparison.Ordinal);
        Assert.Equal("invalid-argument", error.Element("error")!.Element("reason")!.Value);

        // A caller that asks for problem details gets them, as from the staff API.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/open311/v2/requests/C1-E404.json");
        request.Headers.Accept.ParseAdd("application/problem+json");
        await Api.ProblemAsync(await anonymous.SendAsync(request), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Refusals_carry_the_library_reason_code_and_the_right_status()
    {
        await using var server = NewServer();
        using var worker = server.As("C1-GW3");
        using var otherWorker = server.As("C1-GW4");
        var id = await Api.ReportAsync(server.As("C1-R1"));

        await Api.ProblemAsync(await Api.CommandAsync(worker, id, "resolve"), HttpStatusCode.Conflict, "not-permitted");
        await Api.ProblemAsync(await Api.CommandAsync(otherWorker, id, "respond"), HttpStatusCode.Forbidden, "not-authorized");
        await Api.ProblemAsync(await Api.CommandAsync(worker, "no-such-case", "respond"), HttpStatusCode.NotFound, "not-found");
        await Api.ProblemAsync(await Api.CommandAsync(worker, id, "give-feedback", new { satisfaction = "Delighted" }), HttpStatusCode.BadRequest, "invalid-argument");
        await Api.ProblemAsync(await Api.CommandAsync(worker, id, "respond", new { nots = "typo" }), HttpStatusCode.BadRequest, "invalid-argument");
        await Api.ProblemAsync(await Api.CommandAsync(worker, id, "respond", new { actor = "C1-GW3" }), HttpStatusCode.BadRequest, "invalid-argument");
        Assert.Equal(0, (await Api.CaseAsync(worker, id)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Refusals_are_read_in_the_language_the_caller_asks_for()
    {
        await using var server = NewServer();
        using var otherWorker = server.As("C1-GW4");
        var id = await Api.ReportAsync(server.As("C1-R1"));
        async Task<string> DetailAsync(string? language)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/respond") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
            if (language is not null)
            {
                request.Headers.AcceptLanguage.ParseAdd(language);
            }

            var problem = await Api.ProblemAsync(await otherWorker.SendAsync(request), HttpStatusCode.Forbidden, "not-authorized");
            return problem.GetProperty("detail").GetString()!;
        }

        // The library's message in English names the Chinese terms too ("Respond (响应) … was refused"), so the sentence is compared.
        var chinese = await DetailAsync("zh-CN,zh;q=0.9");
        Assert.Contains("被拒绝", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("was refused", chinese, StringComparison.Ordinal);
        var english = await DetailAsync("en-US");
        Assert.Contains("was refused", english, StringComparison.Ordinal);
        Assert.DoesNotContain("被拒绝", english, StringComparison.Ordinal);
        Assert.Equal(english, await DetailAsync(null));   // the default culture: en
        Assert.Equal(english, await DetailAsync("fr-FR"));   // not supported: the default
    }

    [Fact]
    public async Task The_dashboards_aggregates_are_shared_for_half_a_minute_while_its_open_cases_are_live()
    {
        await using var server = NewServer();
        using var screen = server.CreateClient();   // the wall screen: the summary is anonymous by default
        static int WeekTotal(JsonElement d) => d.GetProperty("week").GetProperty("topGrids").EnumerateArray().Sum(g => g.GetProperty("total").GetInt32());
        await Api.ReportAsync(server.As("C1-R1"));
        var first = await Api.OkAsync(await screen.GetAsync("/api/dashboard"));
        Assert.Equal(1, WeekTotal(first));

        var id = await Api.ReportAsync(server.As("C1-R2"), building: "C1-B2");
        var second = await Api.OkAsync(await screen.GetAsync("/api/dashboard"));
        Assert.Contains(second.GetProperty("open").EnumerateArray(), c => c.GetProperty("id").GetString() == id);   // read at each poll
        Assert.Equal(1, WeekTotal(second));   // the aggregates computed for the first poll

        server.Clock.Advance(DashboardSummaries.Freshness);
        Assert.Equal(2, WeekTotal(await Api.OkAsync(await screen.GetAsync("/api/dashboard"))));
    }

    [Fact]
    public async Task If_match_makes_a_command_conditional_on_the_version()
    {
        await using var server = NewServer();
        using var worker = server.As("C1-GW3");
        var id = await Api.ReportAsync(server.As("C1-R1"));
        var get = await worker.GetAsync($"/api/cases/{id}");
        Assert.Equal("\"0\"", get.Headers.ETag?.Tag);

        var responded = await Api.CommandAsync(worker, id, "respond", ifMatch: "\"0\"");
        await Api.OkAsync(responded);
        Assert.Equal("\"1\"", responded.Headers.ETag?.Tag);
        await Api.ProblemAsync(await Api.CommandAsync(worker, id, "claim", ifMatch: "\"0\""), HttpStatusCode.PreconditionFailed, "conflict");
        await Api.OkAsync(await Api.CommandAsync(worker, id, "claim", ifMatch: "\"1\""));
    }

    [Fact]
    public async Task Concurrent_commands_on_one_case_store_one_and_answer_the_other_409()
    {
        await using var server = NewServer();
        var id = await Api.ReportAsync(server.As("C1-R1"));
        using var a = server.As("C1-GW3");
        using var b = server.As("C1-GL1");
        for (var round = 0; round < 5; round++)
        {
            var responses = await Task.WhenAll(Api.CommandAsync(a, id, "pause", new { reason = $"等待材料 {round}" }), Api.CommandAsync(b, id, "pause", new { reason = $"等待材料 {round}" }));
            var statuses = responses.Select(r => r.StatusCode).ToArray();
            Assert.Contains(HttpStatusCode.OK, statuses);
            Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.Conflict, s.ToString()));
            await Api.OkAsync(await Api.CommandAsync(a, id, "resume"));
        }

        var history = await Api.OkAsync(await a.GetAsync($"/api/cases/{id}/history"));
        Assert.Equal(10, history.GetArrayLength());   // one pause and one resume per round: the losing pause was not stored
    }

    [Fact]
    public async Task A_retried_report_with_an_idempotency_key_is_one_case()
    {
        await using var server = NewServer();
        using var resident = server.As("C1-R2");
        var first = await Api.ReportAsync(resident, key: "app-7f3a");
        var again = await Api.ReportAsync(resident, key: "app-7f3a");
        Assert.Equal(first, again);
        var all = await Api.OkAsync(await server.CreateClient().GetAsync("/open311/v2/requests.json"));
        Assert.Equal(1, all.GetArrayLength());
    }

    [Fact]
    public async Task Time_bank_deposit_gift_and_statement_balance_to_zero()
    {
        await using var server = NewServer();
        using var verifier = server.As("C1-SEC");
        using var volunteer = server.As("C1-V1");
        await Api.OkAsync(await Api.DepositAsync(verifier, "dep-1", "C1-V1", 120));
        await Api.OkAsync(await Api.DepositAsync(verifier, "dep-1", "C1-V1", 120));   // the same id again: the same transaction
        await Api.OkAsync(await Api.GiftAsync(volunteer, "gift-1", "C1-V1", "C1-R1", 30));
        await Api.ProblemAsync(await Api.GiftAsync(volunteer, "gift-2", "C1-V1", "C1-R1", 600), HttpStatusCode.Conflict, "limit-exceeded");
        await Api.ProblemAsync(await Api.GiftAsync(server.As("C1-V2"), "gift-3", "C1-V1", "C1-V2", 10), HttpStatusCode.Forbidden, "not-authorized");

        var balance = await Api.OkAsync(await volunteer.GetAsync("/api/timebank/accounts/C1-V1"));
        Assert.Equal(90, balance.GetProperty("postedMinutes").GetInt64());
        var statement = await Api.OkAsync(await volunteer.GetAsync("/api/timebank/accounts/C1-V1/statement?from=2026-11-01&to=2026-11-30"));
        Assert.Equal(2, statement.GetProperty("entries").GetArrayLength());
        var trial = await Api.OkAsync(await verifier.GetAsync("/api/timebank/trial-balance"));
        Assert.Equal(0, trial.GetProperty("postedMinutes").GetInt64());
    }

    [Fact]
    public async Task Health_and_the_OpenAPI_document_are_served()
    {
        await using var server = NewServer();
        using var client = server.CreateClient();
        Assert.Equal("Healthy", await (await client.GetAsync("/health")).Content.ReadAsStringAsync());
        var openApi = await Api.OkAsync(await client.GetAsync("/openapi/v1.json"));
        var paths = openApi.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Contains("/open311/v2/requests.{format}", paths);   // .json or .xml
        Assert.Contains("/api/cases/{id}/respond", paths);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/docs")).StatusCode);
    }
}

/// <summary>The API scenarios on a SQLite file.</summary>
public sealed class SqliteApiTests : ApiScenarios
{
    protected override ServerFactory NewServer() => ServerFactory.Sqlite();
}

/// <summary>The API scenarios on the throwaway PostgreSQL server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresApiTests(Governance.Testing.PostgresServer postgres) : ApiScenarios
{
    protected override ServerFactory NewServer() => ServerFactory.Postgres(postgres.NewDatabase());
}

/// <summary>
/// The tests that share one PostgreSQL server. They run alone, after the others (the load test measures the machine, so
/// nothing else may run meanwhile).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PostgresCollection : ICollectionFixture<Governance.Testing.PostgresServer>
{
    public const string Name = "PostgreSQL";
}
