using System.Text.Encodings.Web;
using System.Text.Json;
using Governance.Resources;
using Governance.Validation;
using NodaTime.Text;

namespace Governance.Calendars;

/// <summary>
/// 日历数据格式 — reads and writes a <see cref="BusinessCalendar"/> as JSON, so that next year's
/// State Council notice can be added as data without a new release.
/// </summary>
/// <remarks>
/// The format (every member but <c>holidays</c> optional):
/// <code>
/// {
///   "name": "中国大陆 (国务院办公厅通知)",
///   "weekend": ["Saturday", "Sunday"],
///   "workingHours": [ { "start": "08:30", "end": "12:00" }, { "start": "13:30", "end": "17:30" } ],
///   "years": [2025, 2026],
///   "holidays": [ { "name": "春节", "from": "2026-02-15", "to": "2026-02-23" } ],
///   "makeUpWorkingDays": [ { "name": "春节调休", "date": "2026-02-14" } ]
/// }
/// </code>
/// Dates are ISO <c>yyyy-MM-dd</c>, times <c>HH:mm</c> (an end of <c>24:00</c> means the end of the day).
/// The years of every holiday and make-up day are covered; <c>years</c> adds years with no holidays.
/// A malformed file gets every error at once, each with its JSON path.
/// </remarks>
public static class BusinessCalendarJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Reads a calendar from JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ValidationFailedException">The text is not valid JSON, or not a valid calendar; every problem is listed with its path.</exception>
    public static BusinessCalendar Parse(string json)
    {
        using var document = JsonReading.Parse(json, GovernanceMessages.Text("CalendarJson"), out var failure);
        if (document is null)
        {
            throw failure!;
        }

        var r = new JsonReading();
        var root = document.RootElement;
        var builder = new BusinessCalendarBuilder();
        if (r.IsObject(root, "$"))
        {
            r.Known(root, "$", "name", "weekend", "workingHours", "years", "holidays", "makeUpWorkingDays");
            if (r.String(root, "name", "$", required: false) is { } calendarName)
            {
                builder.WithName(calendarName);
            }

            if (r.Property(root, "weekend", "$", required: false) is not null)
            {
                var days = new List<IsoDayOfWeek>();
                foreach (var (item, path) in r.Array(root, "weekend", "$"))
                {
                    if (item.ValueKind == JsonValueKind.String && r.Text(item, path) is { } dayName && r.ParseEnum<IsoDayOfWeek>(dayName, path) is { } day)
                    {
                        days.Add(day);
                    }
                    else if (item.ValueKind != JsonValueKind.String)
                    {
                        r.Error(path, GovernanceMessages.Format("ExpectedDayNameSuchSaturdayFound", JsonReading.Describe(item)));
                    }
                }

                builder.WithWeekend(days);
            }

            var windows = new List<WorkingWindow>();
            foreach (var (item, path) in r.Array(root, "workingHours", "$"))
            {
                if (!r.IsObject(item, path))
                {
                    continue;
                }

                r.Known(item, path, "start", "end");
                var start = Time(r, item, "start", path, allowEndOfDay: false);
                var end = Time(r, item, "end", path, allowEndOfDay: true);
                if (start is { } s && end is { } e)
                {
                    if (e != LocalTime.Midnight && e <= s)
                    {
                        r.Error(path, GovernanceMessages.Format("WindowEndsBeforeStart", e, s));
                    }
                    else
                    {
                        windows.Add(new WorkingWindow(s, e));
                    }
                }
            }

            builder.WithWorkingHours(windows);

            if (r.Property(root, "years", "$", required: false) is { } yearsElement)
            {
                if (yearsElement.ValueKind != JsonValueKind.Array)
                {
                    r.Error("$.years", GovernanceMessages.Format("ExpectedArrayYearsFound", JsonReading.Describe(yearsElement)));
                }
                else
                {
                    var i = 0;
                    foreach (var y in yearsElement.EnumerateArray())
                    {
                        if (y.ValueKind == JsonValueKind.Number && y.TryGetInt32(out var year) && year is >= 1900 and <= 2999)
                        {
                            builder.CoverYear(year);
                        }
                        else
                        {
                            r.Error($"$.years[{i}]", GovernanceMessages.Format("ExpectedYearFound", JsonReading.Describe(y)));
                        }

                        i++;
                    }
                }
            }

            foreach (var (item, path) in r.Array(root, "holidays", "$", required: true))
            {
                if (!r.IsObject(item, path))
                {
                    continue;
                }

                r.Known(item, path, "name", "from", "to");
                var name = r.String(item, "name", path);
                var from = r.Date(item, "from", path);
                var to = r.Date(item, "to", path);
                if (name is null || from is null || to is null)
                {
                    continue;
                }

                if (to < from)
                {
                    r.Error($"{path}.to", GovernanceMessages.Format("HolidayEndsBeforeStarts", name, to, from));
                    continue;
                }

                builder.AddHoliday(name, from.Value, to.Value);
            }

            foreach (var (item, path) in r.Array(root, "makeUpWorkingDays", "$"))
            {
                if (!r.IsObject(item, path))
                {
                    continue;
                }

                r.Known(item, path, "name", "date");
                if (r.String(item, "name", path) is { } name && r.Date(item, "date", path) is { } date)
                {
                    builder.AddMakeUpWorkingDay(name, date);
                }
            }
        }

        if (r.Errors.Count > 0)
        {
            throw new ValidationFailedException(GovernanceMessages.Text("CalendarJson"), r.Errors);
        }

        try
        {
            return builder.Build();
        }
        catch (ValidationFailedException e)
        {
            // Rule violations found by the builder, reported with JSON paths.
            throw new ValidationFailedException(GovernanceMessages.Text("CalendarJson"), e.Errors.Select(x => x with { Path = "$." + x.Path }).ToArray());
        }
    }

    /// <summary>Writes a calendar as JSON in the format <see cref="Parse"/> reads.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <returns>Indented JSON, Chinese characters unescaped.</returns>
    public static string ToJson(BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("name", calendar.Name);
            w.WriteStartArray("weekend");
            foreach (var d in calendar.Weekend)
            {
                w.WriteStringValue(d.ToString());
            }

            w.WriteEndArray();
            w.WriteStartArray("workingHours");
            foreach (var h in calendar.WorkingHours)
            {
                w.WriteStartObject();
                w.WriteString("start", h.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
                w.WriteString("end", h.End == LocalTime.Midnight ? "24:00" : h.End.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("years");
            foreach (var y in calendar.CoveredYears)
            {
                w.WriteNumberValue(y);
            }

            w.WriteEndArray();
            w.WriteStartArray("holidays");
            foreach (var h in calendar.Holidays)
            {
                w.WriteStartObject();
                w.WriteString("name", h.Name);
                w.WriteString("from", LocalDatePattern.Iso.Format(h.Dates.Start));
                w.WriteString("to", LocalDatePattern.Iso.Format(h.Dates.End));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("makeUpWorkingDays");
            foreach (var m in calendar.MakeUpWorkingDays)
            {
                w.WriteStartObject();
                w.WriteString("name", m.Name);
                w.WriteString("date", LocalDatePattern.Iso.Format(m.Date));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static LocalTime? Time(JsonReading r, JsonElement obj, string name, string path, bool allowEndOfDay)
    {
        var text = r.String(obj, name, path);
        if (text is null)
        {
            return null;
        }

        if (allowEndOfDay && text == "24:00")
        {
            return LocalTime.Midnight;
        }

        var result = LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(text);
        if (!result.Success)
        {
            r.Error($"{path}.{name}", GovernanceMessages.Format(allowEndOfDay ? "NotATimeOrEndOfDay" : "NotATime", text));
            return null;
        }

        return result.Value;
    }
}
