using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Json;
using Governance.People;
using Governance.TimeBank;

namespace Governance.Server;

/// <summary>
/// 时间银行接口 — deposit (a verifier records a volunteer's service), redeem, gift and donate, a balance and a statement.
/// The body is the library's request (<c>TimeBankRequest</c>, its <c>type</c> from the route) with a client-chosen
/// <c>id</c>, so a retried request is the same transaction. The host adds: a deposit is verified by the caller; the
/// account a redemption, gift or donation debits is the caller's own (the community committee may act for anyone).
/// </summary>
internal static class TimeBankEndpoints
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/timebank").RequireAuthorization().WithTags("time bank");
        foreach (var type in new[] { "deposit", "redemption", "gift", "donation" })
        {
            api.MapPost($"/{type}", (HttpContext http, District d, LedgerHost ledger, CancellationToken ct) => ExecuteAsync(type, http, d, ledger, ct))
                .WithName($"timebank-{type}").WithSummary($"A {type}.").Accepts<JsonObject>("application/json");
        }

        api.MapGet("/accounts/{id}", BalanceAsync).WithSummary("An account's balance.");
        api.MapGet("/accounts/{id}/statement", StatementAsync).WithSummary("An account's statement for dates from–to (inclusive, local).");
        api.MapGet("/trial-balance", TrialBalanceAsync).WithSummary("The sum over every account (zero in a double-entry ledger) — staff only.");
    }

    private static async Task<IResult> ExecuteAsync(string type, HttpContext http, District d, LedgerHost ledger, CancellationToken ct)
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

        if (body.TryGetProperty("type", out _) || (type == "deposit" && body.TryGetProperty("verifiedBy", out _)))
        {
            return Problems.Invalid("'type' comes from the route and a deposit's 'verifiedBy' from the token.");
        }

        try
        {
            var json = JsonNode.Parse(body.GetRawText())!.AsObject();
            json.Insert(0, "type", type);
            if (type == "deposit")
            {
                json["verifiedBy"] = caller.Id.Value;
            }

            var request = json.Deserialize<TimeBankRequest>(GovernanceJson.Options) ?? throw new JsonException("Expected a request.");
            var debited = request switch
            {
                RedemptionRequest r => r.Holder.Value,
                GiftRequest g => g.From.Value,
                DonationRequest n => n.From.Value,
                _ => null,
            };
            if (debited is not null && debited != caller.Id.Value && !caller.HasRole(Role.CommunityCommittee))
            {
                return Problems.Forbidden($"Only the holder of account '{debited}' (or the community committee) may spend from it.");
            }

            var transaction = await ledger.ExecuteAsync(request, ct);
            return TypedResults.Ok(new TransactionView(transaction.Id.Value, transaction.Kind.ToString(), transaction.Timestamp,
                transaction.Legs.Select(l => new LegView(l.Debit.Value, l.Credit.Value, l.Amount.Minutes)).ToArray()));
        }
        catch (Exception e) when (e is GovernanceException or JsonException or NotSupportedException or ArgumentException or FormatException)
        {
            return Problems.From(e);
        }
    }

    private static async Task<IResult> BalanceAsync(string id, HttpContext http, District d, LedgerHost ledger, CancellationToken ct)
    {
        if (Refused(id, http, d) is { } refused)
        {
            return refused;
        }

        return await ledger.ReadAsync(l => l.Accounts.Any(a => a.Id.Value == id)
            ? TypedResults.Ok(new BalanceView(id, l.BalanceOf(id).Posted.Minutes, l.BalanceOf(id).Held.Minutes, l.BalanceOf(id).Available.Minutes))
            : Problems.NotFound($"Account '{id}'"), ct);
    }

    private static async Task<IResult> StatementAsync(string id, HttpContext http, District d, LedgerHost ledger, string from, string to, CancellationToken ct)
    {
        if (Refused(id, http, d) is { } refused)
        {
            return refused;
        }

        var (first, last) = (NodaTime.Text.LocalDatePattern.Iso.Parse(from), NodaTime.Text.LocalDatePattern.Iso.Parse(to));
        if (!first.Success || !last.Success || last.Value < first.Value || Period.Between(first.Value, last.Value, PeriodUnits.Days).Days > 366)
        {
            return Problems.Invalid("A statement covers from–to (yyyy-MM-dd), at most 366 days.");
        }

        try
        {
            return await ledger.ReadAsync(l =>
            {
                if (!l.Accounts.Any(a => a.Id.Value == id))
                {
                    return Problems.NotFound($"Account '{id}'");
                }

                var s = l.Statement(id, new DateInterval(first.Value, last.Value));
                return TypedResults.Ok(new StatementView(id, s.Opening.Minutes, s.Closing.Minutes,
                    s.Entries.Select(e => new EntryView(e.Transaction.Id.Value, e.Timestamp, e.Amount.Minutes, e.Balance.Minutes)).ToArray()));
            }, ct);
        }
        catch (Exception e) when (e is GovernanceException or ArgumentException)
        {
            return Problems.From(e);
        }
    }

    private static async Task<IResult> TrialBalanceAsync(HttpContext http, District d, LedgerHost ledger, CancellationToken ct)
    {
        if (Access.Caller(http.User, d.Organisation) is not { } caller || !caller.HasRole(Role.CommunityCommittee))
        {
            return Problems.Forbidden("The trial balance is for the community committee.");
        }

        return await ledger.ReadAsync(l => TypedResults.Ok(new { accounts = l.Accounts.Count, postedMinutes = l.Accounts.Sum(a => (long)l.BalanceOf(a.Id).Posted.Minutes) }), ct);
    }

    private static IResult? Refused(string id, HttpContext http, District d) =>
        Access.Caller(http.User, d.Organisation) is not { } caller
            ? Problems.Forbidden("The token names no person of this district.")
            : caller.Id.Value != id && !caller.HasRole(Role.CommunityCommittee)
                ? Problems.Forbidden($"Only the holder of account '{id}' (or the community committee) may read it.")
                : null;
}

internal sealed record TransactionView(string Id, string Kind, Instant Timestamp, IReadOnlyList<LegView> Legs);

internal sealed record LegView(string Debit, string Credit, long Minutes);

internal sealed record BalanceView(string Account, long PostedMinutes, long HeldMinutes, long AvailableMinutes);

internal sealed record StatementView(string Account, long OpeningMinutes, long ClosingMinutes, IReadOnlyList<EntryView> Entries);

internal sealed record EntryView(string Transaction, Instant Timestamp, long Minutes, long BalanceMinutes);
