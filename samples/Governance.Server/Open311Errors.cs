using System.Xml.Linq;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Governance.Server;

/// <summary>
/// Open311 的错误格式 — the refusals of the Open311 endpoints in GeoReport v2's own error document, which civic clients
/// parse: <c>[{"code": 400, "description": "…"}]</c> in JSON, <c>&lt;errors&gt;&lt;error&gt;&lt;code&gt;…</c> in XML, with the
/// HTTP status. Each error also carries the library's reason code (<c>reason</c>) and the detailed code
/// (<c>detail_code</c>), members an Open311 client ignores. A caller that asks for <c>application/problem+json</c> gets the
/// RFC 9457 problem details the staff API answers with.
/// </summary>
internal static class Open311Errors
{
    /// <summary>The endpoint filter: a problem-details answer becomes Open311's error document in the path's format.</summary>
    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (result is not ProblemHttpResult problem || WantsProblemDetails(context.HttpContext.Request))
        {
            return result;
        }

        var format = context.HttpContext.Request.RouteValues["format"] as string;
        return Document(format, problem.StatusCode, problem.ProblemDetails);
    }

    /// <summary>The error document for a refusal, in <paramref name="format"/> (<c>xml</c>, or JSON otherwise).</summary>
    public static IResult Document(string? format, int status, Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        var description = problem.Detail is { Length: > 0 } detail ? $"{problem.Title} {detail}" : problem.Title ?? "";
        var reason = problem.Extensions.TryGetValue("code", out var c) ? c?.ToString() : null;
        var detailCode = problem.Extensions.TryGetValue("detailCode", out var d) ? d?.ToString() : null;
        if (format != "xml")
        {
            return TypedResults.Json(new[] { new Open311Error(status, description, reason, detailCode) }, statusCode: status);
        }

        var xml = new XElement("errors", new XElement("error",
            new XElement("code", status),
            new XElement("description", description),
            reason is null ? null : new XElement("reason", reason),
            detailCode is null ? null : new XElement("detail_code", detailCode)));
        return Results.Text(new XDeclaration("1.0", "utf-8", null) + "\n" + xml, "application/xml; charset=utf-8", System.Text.Encoding.UTF8, status);
    }

    private static bool WantsProblemDetails(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
        && accepted.Any(a => a.MediaType.Equals("application/problem+json", StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0);

    /// <summary>One error of Open311's error document.</summary>
    /// <param name="Code">The HTTP status.</param>
    /// <param name="Description">What was wrong.</param>
    /// <param name="Reason">The library's reason code (<c>invalid-argument</c>, <c>not-authorized</c> …).</param>
    /// <param name="DetailCode">The detailed code (<c>open311.anonymous-off</c> …).</param>
    private sealed record Open311Error(
        [property: System.Text.Json.Serialization.JsonPropertyName("code")] int Code,
        [property: System.Text.Json.Serialization.JsonPropertyName("description")] string Description,
        [property: System.Text.Json.Serialization.JsonPropertyName("reason")] string? Reason,
        [property: System.Text.Json.Serialization.JsonPropertyName("detail_code")] string? DetailCode);
}
