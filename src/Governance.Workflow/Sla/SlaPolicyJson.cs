using System.Text.Json;
using Governance.Calendars;
using Governance.Cases;
using Governance.Resources;
using Governance.Validation;

namespace Governance.Sla;

/// <summary>
/// 时限策略文件 — reads an SLA policy set from JSON. Every problem is reported at once with its JSON path.
/// </summary>
/// <remarks>
/// <para>The format (comments and trailing commas allowed):</para>
/// <code language="json"><![CDATA[
/// {
///   "policies": [
///     {
///       "name": "urgent-fire-lane",
///       "match": { "categories": ["fire-lane"], "priorities": ["Urgent", "Critical"], "sources": ["12345"] },
///       "respond":  { "kind": "Elapsed", "length": "0:00:30:00", "anchor": "Registration" },
///       "claim":    { "kind": "Elapsed", "length": "0:00:30:00", "anchor": "PreviousStep" },
///       "resolve":  { "kind": "CalendarDays", "days": 1, "reading": "EndOfDay", "anchor": "Registration" },
///       "feedback": { "kind": "WorkingDays", "days": 2, "anchor": "Registration" },
///       "reportIn": { "kind": "WorkingTime", "length": "0:02:00:00", "anchor": "PreviousStep" },
///       "callback": { "kind": "WorkingDays", "days": 2 },
///       "warnings": [50, 75, 90],
///       "onEscalation": "KeepElapsed", "onTransfer": "Restart", "onPriorityChange": "KeepElapsed"
///     }
///   ],
///   "default": { "name": "default" }
/// }
/// ]]></code>
/// <para>A policy's <c>version</c> (from 1, 1 when absent) tells its editions apart: cases are pinned to the name and
/// version they were registered under. Every member but <c>name</c> is optional; <c>callback</c> (回访, counted from the
/// resolution) is absent by default; a missing goal or setting is the seeds' default
/// (<see cref="SlaPolicy.Default"/>). Goal kinds are <c>Elapsed</c> and <c>WorkingTime</c> (with a <c>length</c> as
/// <c>d:hh:mm:ss</c>) and <c>CalendarDays</c> and <c>WorkingDays</c> (with <c>days</c> and an optional
/// <c>reading</c>, <c>EndOfDay</c> by default). Priorities are <c>Normal</c>, <c>Urgent</c>, <c>Critical</c>;
/// categories and sources are codes (<c>CaseCategory.Code</c>, <c>CaseSource.Code</c>): one of the library's own
/// (<see cref="CaseCategory.WellKnown"/>, <see cref="CaseSource.WellKnown"/>) or one the file declares in a top-level
/// <c>"categories"</c> or <c>"sources"</c> list. A member the format does not name is an error (a typo never means the default),
/// and so is a goal longer than ten years.</para>
/// </remarks>
public static class SlaPolicyJson
{
    /// <summary>Reads a policy set.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The policy set.</returns>
    /// <exception cref="ValidationFailedException">The text is not valid JSON or breaks the format; <c>Errors</c> lists every problem with its path.</exception>
    public static SlaPolicySet Parse(string json)
    {
        using var document = JsonReading.Parse(json, WorkflowMessages.Text("SlaPolicyJson"), out var failure);
        if (document is null)
        {
            throw failure!;
        }

        var r = new JsonReading();
        var root = document.RootElement;
        var policies = new List<SlaPolicy>();
        SlaPolicy? fallback = null;
        if (r.IsObject(root, "$"))
        {
            r.Known(root, "$", "policies", "default", "categories", "sources");
            var known = new Codes(
                Declared(r, root, "categories", CaseCategory.WellKnown.Select(c => c.Code)),
                Declared(r, root, "sources", CaseSource.WellKnown.Select(c => c.Code)));
            foreach (var (item, path) in r.Array(root, "policies", "$", required: true))
            {
                if (ReadPolicy(r, item, path, known) is { } policy)
                {
                    policies.Add(policy);
                }
            }

            if (r.Property(root, "default", "$", required: false) is { } d)
            {
                fallback = ReadPolicy(r, d, "$.default", known);
            }
        }

        if (r.Errors.Count > 0)
        {
            throw new ValidationFailedException(WorkflowMessages.Text("SlaPolicyJson"), r.Errors);
        }

        return new SlaPolicySet(policies, fallback);
    }

    /// <summary>The category and source codes a policy may match: the library's own and those the file declares.</summary>
    private sealed record Codes(HashSet<string> Categories, HashSet<string> Sources);

    private static HashSet<string> Declared(JsonReading r, JsonElement root, string name, IEnumerable<string> builtIn)
    {
        var codes = new HashSet<string>(builtIn, StringComparer.Ordinal);
        foreach (var (item, p) in r.Array(root, name, "$"))
        {
            AddString(r, item, p, codes);
        }

        return codes;
    }

    private static SlaPolicy? ReadPolicy(JsonReading r, JsonElement e, string path, Codes known)
    {
        if (!r.IsObject(e, path))
        {
            return null;
        }

        r.Known(e, path, "name", "version", "match", "respond", "claim", "resolve", "feedback", "reportIn", "callback", "warnings", "onEscalation", "onTransfer", "onPriorityChange");
        var name = r.String(e, "name", path);
        var version = r.Int(e, "version", path, required: false, min: 1) ?? 1;
        var d = SlaPolicy.Default;
        var categories = new HashSet<string>(StringComparer.Ordinal);
        var sources = new HashSet<string>(StringComparer.Ordinal);
        var priorities = new HashSet<Priority>();
        if (r.Property(e, "match", path, required: false) is { } match && r.IsObject(match, $"{path}.match"))
        {
            r.Known(match, $"{path}.match", "categories", "priorities", "sources");
            foreach (var (item, p) in r.Array(match, "categories", $"{path}.match"))
            {
                AddString(r, item, p, categories, known.Categories, "category");
            }

            foreach (var (item, p) in r.Array(match, "sources", $"{path}.match"))
            {
                AddString(r, item, p, sources, known.Sources, "source");
            }

            foreach (var (item, p) in r.Array(match, "priorities", $"{path}.match"))
            {
                if (item.ValueKind == JsonValueKind.String && r.Text(item, p) is { } text && r.ParseEnum<Priority>(text, p) is { } priority)
                {
                    priorities.Add(priority);
                }
                else if (item.ValueKind != JsonValueKind.String)
                {
                    r.Error(p, WorkflowMessages.Format("ExpectedNormalUrgentCriticalFound", JsonReading.Describe(item)));
                }
            }
        }

        var warnings = new List<int>();
        var warningsGiven = false;
        foreach (var (item, p) in r.Array(e, "warnings", path))
        {
            warningsGiven = true;
            if (item.ValueKind == JsonValueKind.Number && item.TryGetInt32(out var n) && n is >= 1 and <= 99 && (warnings.Count == 0 || n > warnings[^1]))
            {
                warnings.Add(n);
            }
            else
            {
                r.Error(p, WorkflowMessages.Format("ExpectedAscendingPercentageFound", JsonReading.Describe(item)));
            }
        }

        var respond = ReadGoal(r, e, "respond", path) ?? d.Respond;
        var claim = ReadGoal(r, e, "claim", path) ?? d.Claim;
        var resolve = ReadGoal(r, e, "resolve", path) ?? d.Resolve;
        var feedback = ReadGoal(r, e, "feedback", path) ?? d.Feedback;
        var reportIn = ReadGoal(r, e, "reportIn", path) ?? d.ReportIn;
        var callback = ReadGoal(r, e, "callback", path) is { } cb ? cb with { Anchor = SlaAnchor.PreviousStep } : d.Callback;
        var onEscalation = r.Enum<SlaRetarget>(e, "onEscalation", path, required: false) ?? d.OnEscalation;
        var onTransfer = r.Enum<SlaRetarget>(e, "onTransfer", path, required: false) ?? d.OnTransfer;
        var onPriority = r.Enum<SlaRetarget>(e, "onPriorityChange", path, required: false) ?? d.OnPriorityChange;
        return name is null
            ? null
            : new SlaPolicy(name)
            {
                Version = version,
                Categories = categories,
                Sources = sources,
                Priorities = priorities,
                Respond = respond,
                Claim = claim,
                Resolve = resolve,
                Feedback = feedback,
                ReportIn = reportIn,
                Callback = callback,
                WarningThresholds = warningsGiven ? warnings : d.WarningThresholds,
                OnEscalation = onEscalation,
                OnTransfer = onTransfer,
                OnPriorityChange = onPriority,
            };
    }

    private static void AddString(JsonReading r, JsonElement item, string path, HashSet<string> into, HashSet<string>? known = null, string? what = null)
    {
        if (item.ValueKind != JsonValueKind.String)
        {
            r.Error(path, WorkflowMessages.Format("ExpectedNonEmptyCodeFound", JsonReading.Describe(item)));
        }
        else if (r.Text(item, path) is { } code)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                r.Error(path, WorkflowMessages.Text("ExpectedNonEmptyCodeFoundEmpty"));
            }
            else if (known is not null && !known.Contains(code))
            {
                r.Error(path, WorkflowMessages.Format(what == "category" ? "UnknownCategoryCode" : "UnknownSourceCode", code));
            }
            else
            {
                into.Add(code);
            }
        }
    }

    private static SlaGoal? ReadGoal(JsonReading r, JsonElement policy, string name, string path)
    {
        if (r.Property(policy, name, path, required: false) is not { } e)
        {
            return null;
        }

        var p = $"{path}.{name}";
        if (!r.IsObject(e, p))
        {
            return null;
        }

        r.Known(e, p, "kind", "length", "days", "reading", "anchor");
        var kind = r.Enum<DeadlineGoalKind>(e, "kind", p);
        var anchor = r.Enum<SlaAnchor>(e, "anchor", p, required: false) ?? SlaAnchor.Registration;
        DeadlineGoal? goal = null;
        switch (kind)
        {
            case DeadlineGoalKind.Elapsed or DeadlineGoalKind.WorkingTime:
                var length = r.Duration(e, "length", p);
                if (length > DeadlineGoal.MaxLength)
                {
                    r.Error($"{p}.length", WorkflowMessages.Format("LongerThanLongestGoalDays", length, DeadlineGoal.MaxLength.Days));
                }
                else if (length is { } l)
                {
                    goal = kind == DeadlineGoalKind.Elapsed ? DeadlineGoal.Elapsed(l) : DeadlineGoal.WorkingTime(l);
                }

                break;
            case DeadlineGoalKind.CalendarDays or DeadlineGoalKind.WorkingDays:
                var days = r.Int(e, "days", p, min: 1, max: DeadlineGoal.MaxDays);
                var reading = r.Enum<DayReading>(e, "reading", p, required: false) ?? DayReading.EndOfDay;
                if (days is { } n)
                {
                    goal = kind == DeadlineGoalKind.CalendarDays ? DeadlineGoal.CalendarDays(n, reading) : DeadlineGoal.WorkingDays(n, reading);
                }

                break;
        }

        return goal is { } g ? new SlaGoal(g, anchor) : null;
    }
}
