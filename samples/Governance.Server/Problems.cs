using System.Text.Json;
using Governance.Cases;
using Governance.EntityFrameworkCore.Cases;
using Governance.TimeBank;

namespace Governance.Server;

/// <summary>
/// 问题详情 — every refusal as RFC 9457 problem details carrying the library's reason code (<c>code</c>: the
/// <see cref="RefusalReason"/> in kebab case, and <c>detailCode</c> where the library names the rule): 400 invalid, 403 not
/// authorized, 404 unknown, 409 not permitted now, out of order, over a limit or in conflict with another writer, 412 a
/// failed <c>If-Match</c>, 413 a body over the limit.
/// </summary>
internal static class Problems
{
    public static IResult From(Exception e) => e switch
    {
        CaseConcurrencyException c => Problem(StatusCodes.Status409Conflict, RefusalReason.Conflict, "case.version-conflict",
            "The case was changed by another request; read it again and retry.", c.Message, ("currentVersion", c.ActualVersion)),
        CaseCommandRejectedException r => Problem(Status(r.Refusal), r.Refusal, $"case.{Kebab(r.Refusal.ToString())}",
            "The command was refused.", r.Message, ("state", r.State.ToString()), ("permittedNow", r.PermittedNow.Select(t => t.ToString()).ToArray())),
        TimeBankRejectedException t => Problem(Status(t.Refusal), t.Refusal, $"timebank.{Kebab(t.Reason.ToString())}", "The time bank refused the request.", t.Message),
        GovernanceException g => Problem(Status(g.Refusal), g.Refusal, Kebab(g.Refusal.ToString()), "The request was refused.", g.Message),
        JsonException j => Invalid("The body is not valid for this request" + (j.Path is { } p ? $" (at {p})." : "."), j.Message),
        NotSupportedException n => Invalid("The body is not valid for this request.", n.Message),
        ArgumentException a => Invalid("An argument is not valid.", a.Message),
        FormatException f => Invalid("A value is not in its format.", f.Message),
        _ => throw e,
    };

    public static IResult Invalid(string title, string? detail = null) =>
        Problem(StatusCodes.Status400BadRequest, RefusalReason.InvalidArgument, "invalid-argument", title, detail);

    public static IResult NotFound(string what) =>
        Problem(StatusCodes.Status404NotFound, RefusalReason.NotFound, "not-found", $"{what} does not exist.", null);

    public static IResult Forbidden(string detail) =>
        Problem(StatusCodes.Status403Forbidden, RefusalReason.NotAuthorized, "not-authorized", "Not authorized.", detail);

    public static IResult PreconditionFailed(int version) =>
        Problem(StatusCodes.Status412PreconditionFailed, RefusalReason.Conflict, "case.version-mismatch",
            "The case is not at the version If-Match names; read it again.", null, ("currentVersion", version));

    public static IResult TooLarge(int limit) =>
        Problem(StatusCodes.Status413PayloadTooLarge, RefusalReason.LimitExceeded, "body-too-large", $"The body is over {limit} bytes.", null);

    public static int Status(RefusalReason reason) => reason switch
    {
        RefusalReason.InvalidArgument => StatusCodes.Status400BadRequest,
        RefusalReason.NotAuthorized => StatusCodes.Status403Forbidden,
        RefusalReason.NotFound => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status409Conflict,
    };

    private static IResult Problem(int status, RefusalReason reason, string detailCode, string title, string? detail, params (string Key, object? Value)[] extra)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = Kebab(reason.ToString()), ["detailCode"] = detailCode };
        foreach (var (key, value) in extra)
        {
            extensions[key] = value;
        }

        return TypedResults.Problem(detail, statusCode: status, title: title, type: $"https://governance.dev/problems/{detailCode}", extensions: extensions);
    }

    private static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
