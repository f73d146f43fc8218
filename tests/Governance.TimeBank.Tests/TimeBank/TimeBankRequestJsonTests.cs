using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Governance.Json;
using Governance.TimeBank;
using Interval = NodaTime.Interval;

namespace Governance.Tests.TimeBank;

/// <summary>
/// Inside a transaction, deposits, gifts, donations and redemptions are read by a hand-written reader (the journal's
/// cost); these tests hold it to System.Text.Json's contract for the same request: the same record from the same JSON,
/// and a refusal exactly where the contract refuses, over generated requests and every single-member damage to them.
/// (A request without its discriminator is System.Text.Json's <see cref="NotSupportedException"/> on both paths.)
/// </summary>
public class TimeBankRequestJsonTests
{
    private static readonly JsonSerializerOptions Json = GovernanceJson.Options;
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 1, 0);

    private static readonly Gen<string> Codes = Gen.Elements("V1", "V2", "t7", "GW1", "队-1", "a\"b");

    private static readonly Gen<ServiceType> ServiceTypes = Gen.OneOf(
        Gen.Elements(ServiceType.HomeVisit, ServiceType.CommunityService, ServiceType.HomeCare, ServiceType.CanteenMeal),
        from id in Codes
        from rate in Gen.Choose(1, 6000)
        from kind in Gen.Elements(ServiceTypeKind.Volunteer, ServiceTypeKind.ElderlyCare)
        select new ServiceType(id, "自定义服务", kind, rate));

    private static readonly Gen<TimeCredit> Amounts = Gen.Choose(1, 100_000).Select(m => TimeCredit.FromMinutes(m));

    /// <summary>The four kinds the reader knows, with every optional member present or not.</summary>
    private static readonly Gen<TimeBankRequest> Requests = Gen.OneOf(
        from id in Codes
        from account in Codes
        from type in ServiceTypes
        from minutes in Gen.Choose(1, 24 * 60)
        from note in Gen.Elements<string?>(null, "扫雪", "")
        from verifier in Codes
        select (TimeBankRequest)new DepositRequest(id, account, new ServiceRecord(type, new Interval(T0, T0 + Duration.FromMinutes(minutes)), note), verifier),
        from id in Codes
        from from_ in Codes
        from to in Codes
        from amount in Amounts
        select (TimeBankRequest)new GiftRequest(id, from_, to, amount),
        from id in Codes
        from from_ in Codes
        from amount in Amounts
        select (TimeBankRequest)new DonationRequest(id, from_, amount),
        from id in Codes
        from holder in Codes
        from recipient in Codes
        from type in ServiceTypes
        from day in Gen.Choose(0, 400)
        from amount in Amounts
        select (TimeBankRequest)new RedemptionRequest(id, holder, recipient, type, new LocalDate(2026, 1, 1).PlusDays(day), amount));

    /// <summary>A transaction around <paramref name="request"/> (its id first, as the ledger writes it).</summary>
    private static string InTransaction(string request, string id = "t7") =>
        $$"""{"id":{{JsonSerializer.Serialize(id, Json)}},"kind":"Deposit","timestamp":"2026-03-02T01:00:00Z","legs":[{"debit":"sys:issuing","credit":"V1","amount":"1h00m","kind":"Posted"}],"request":{{request}}}""";

    private static (TimeBankRequest? Request, Exception? Error) Contract(string json)
    {
        try
        {
            return (JsonSerializer.Deserialize<TimeBankRequest>(json, Json), null);
        }
        catch (Exception e)
        {
            return (null, e);
        }
    }

    private static (TimeBankRequest? Request, Exception? Error) ByHand(string json)
    {
        try
        {
            return (JsonSerializer.Deserialize<TimeBankTransaction>(InTransaction(json), Json)!.Request, null);
        }
        catch (Exception e)
        {
            return (null, e);
        }
    }

    [Property(MaxTest = 300)]
    public Property A_request_inside_a_transaction_reads_back_as_the_contract_reads_it() =>
        Prop.ForAll(Requests.ToArbitrary(), request =>
        {
            var json = JsonSerializer.Serialize(request, Json);
            var (byHand, error) = ByHand(json);
            return (error is null && request.Equals(byHand) && request.Equals(Contract(json).Request)).Label(json);
        });

    [Property(MaxTest = 200)]
    public Property Every_single_member_damage_is_refused_by_both_readers_or_read_the_same_by_both() =>
        Prop.ForAll(Requests.ToArbitrary(), request =>
        {
            var json = JsonSerializer.Serialize(request, Json);
            var disagreements = Damage(json)
                .Select(damaged => (damaged, contract: Contract(damaged), byHand: ByHand(damaged)))
                .Where(x => !Agree(x.contract, x.byHand))
                .Select(x => $"{x.damaged}: contract {Describe(x.contract)}, by hand {Describe(x.byHand)}")
                .ToList();
            return (disagreements.Count == 0).Label(string.Join("\n", disagreements));
        });

    private static bool Agree((TimeBankRequest? Request, Exception? Error) contract, (TimeBankRequest? Request, Exception? Error) byHand) =>
        contract.Error is null
            ? byHand.Error is null && Equals(contract.Request, byHand.Request)
            : (contract.Error is JsonException && byHand.Error is JsonException)
                || (contract.Error is NotSupportedException && byHand.Error?.GetType() == typeof(NotSupportedException));

    private static string Describe((TimeBankRequest? Request, Exception? Error) read) =>
        read.Error is { } e ? $"{e.GetType().Name}: {e.Message}" : read.Request?.ToString() ?? "null";

    /// <summary>Every way to damage one member of the object (nested objects included): null, a number, an object, an
    /// empty string, left out, renamed; and one unknown member added. Each damage starts from a fresh copy.</summary>
    private static IEnumerable<string> Damage(string json)
    {
        Action<JsonObject, string>[] damages =
        [
            (o, n) => o[n] = null,
            (o, n) => o[n] = 5,
            (o, n) => o[n] = new JsonObject(),
            (o, n) => o[n] = "",
            (o, n) => o.Remove(n),
            (o, n) =>
            {
                var value = o[n]?.DeepClone();
                o.Remove(n);
                o[n + "x"] = value;
            },
        ];
        foreach (var path in Paths(JsonNode.Parse(json)!.AsObject(), []).ToList())
        {
            foreach (var damage in damages)
            {
                var root = JsonNode.Parse(json)!.AsObject();
                var parent = root;
                foreach (var step in path[..^1])
                {
                    parent = parent[step]!.AsObject();
                }

                damage(parent, path[^1]);
                yield return root.ToJsonString(Json);
            }
        }

        var extra = JsonNode.Parse(json)!.AsObject();
        extra["extra"] = 1;
        yield return extra.ToJsonString(Json);
    }

    /// <summary>The path of every member of an object and of its nested objects.</summary>
    private static IEnumerable<string[]> Paths(JsonObject node, string[] path)
    {
        foreach (var (name, child) in node)
        {
            string[] here = [.. path, name];
            yield return here;
            if (child is JsonObject nested)
            {
                foreach (var inner in Paths(nested, here))
                {
                    yield return inner;
                }
            }
        }
    }

    [Theory]
    [InlineData("""{"type":"deposit","account":"V1","account":"V2","service":{"type":{"id":"volunteer-visit","name":"上门探访","kind":"Volunteer"},"period":{"start":"2026-03-02T00:00:00Z","end":"2026-03-02T01:00:00Z"}},"verifiedBy":"GW1","id":"t7"}""", "'account' twice")]
    [InlineData("""{"type":"donation","type":"donation","from":"V1","amount":"1m","id":"t7"}""", "'type' twice")]
    [InlineData("""{"type":"redemption","holder":"V1","recipient":"V1","service":{"id":"care-canteen","name":"助老大食堂用餐","kind":"ElderlyCare","creditMinutesPerHour":0},"serviceDate":"2026-03-02","amount":"1m","id":"t7"}""", "1–6000")]
    [InlineData("""{"type":"deposit","account":"V1","service":{"type":{"id":"volunteer-visit","name":"上门探访","kind":"Volunteer"},"period":{"start":"2026-03-02T00:00:00Z","end":"2026-03-02T01:00:00Z"},"note":7},"verifiedBy":"GW1","id":"t7"}""", "note")]
    public void A_damaged_request_inside_a_transaction_is_refused_naming_the_member(string request, string reason)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TimeBankRequest>(request, Json));
        Assert.Contains(reason, Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TimeBankTransaction>(InTransaction(request), Json)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Well_known_service_types_and_ledger_accounts_are_read_as_the_shared_instances()
    {
        var deposit = new DepositRequest("t7", "V1", new ServiceRecord(ServiceType.HomeVisit, new Interval(T0, T0 + Duration.FromHours(1))), "GW1");
        var t = JsonSerializer.Deserialize<TimeBankTransaction>(InTransaction(JsonSerializer.Serialize<TimeBankRequest>(deposit, Json)), Json)!;
        var read = Assert.IsType<DepositRequest>(t.Request);
        Assert.Same(ServiceType.HomeVisit, read.Service.Type);
        Assert.Same(TimeBankLedger.IssuingAccountId.Value, t.Legs[0].Debit.Value);
        Assert.Same(t.Id.Value, read.Id.Value);
        Assert.Equal(deposit, read);
    }

    [Fact]
    public void A_request_written_with_its_type_elsewhere_is_read_by_the_contract()
    {
        var json = """{"from":"V1","amount":"1m","id":"t7","type":"donation"}""";
        Assert.Equal(new DonationRequest("t7", "V1", TimeCredit.FromMinutes(1)), ByHand(json).Request);
    }
}
