using System.Globalization;
using System.Net;
using ScottPlot;

/// <summary>
/// The report people look at (<c>--report out.html</c>): one self-contained HTML file — charts drawn by ScottPlot as
/// inline SVG, the tables beside them, the styles inline — so it opens with no network: nothing is fetched, no script
/// runs. The same seed writes the same bytes.
/// </summary>
/// <remarks>Charts: compliance per step and per grid, the three rates by month, the backlog day by day, and the
/// building-head ranking across quarters (the positions of the first quarter's top five).</remarks>
internal static class HtmlReport
{
    private const int Width = 760;
    private const int Height = 320;

    private static string L(string zh, string en) => Output.English ? en : zh;

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string Percent(double? x) => x is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    public static void Write(SimulationReport report, TextWriter writer)
    {
        var w = writer;
        w.Write($"<!DOCTYPE html>\n<html lang=\"{L("zh-CN", "en")}\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.Write($"<title>{E(L("网格化治理模拟报告", "Grid governance simulation"))} — {E(report.From)}…{E(report.To)}</title>\n");
        w.Write("<style>body{font-family:sans-serif;margin:24px;max-width:1100px;color:#222}h1{font-size:22px}h2{font-size:17px;margin-top:28px}"
            + "table{border-collapse:collapse;margin:8px 0;font-size:13px}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
            + "th{background:#f2f2f2}td:first-child,th:first-child{text-align:left}figure{margin:8px 0}svg{max-width:100%;height:auto}</style>\n</head>\n<body>\n");
        w.Write($"<h1>{E(L("网格化治理模拟报告", "Grid governance simulation"))}</h1>\n");
        w.Write($"<p>{E(L("策略", "Policy"))}: {E(report.Policy)} · {E(L("种子", "Seed"))} {report.Seed} · {E(report.From)}…{E(report.To)} · "
            + $"{E(L("网格", "Grids"))} {report.Grids} · {E(L("事件", "Cases"))} {report.Cases} · {E(L("已办结", "Closed"))} {report.Closed} · "
            + $"{E(L("上报", "Escalations"))} {report.Escalations}</p>\n");

        // Compliance per step.
        w.Write($"<h2>{E(L("各环节时限达标率", "Compliance per step"))}</h2>\n");
        Figure(w, Bars(L("各环节时限达标率 (%)", "Compliance per step (%)"), report.Steps.Select(s => (s.Step, (s.Compliance ?? 0) * 100)).ToArray()));
        Table(w, [L("环节", "Step"), L("按时", "Met"), L("超时完成", "Met late"), L("超时", "Breached"), L("进行中", "Open"), L("达标率", "Compliance")],
            report.Steps.Select(s => new[] { s.Step, Num(s.Met), Num(s.MetLate), Num(s.Breached), Num(s.Open), Percent(s.Compliance) }));

        // Compliance per grid.
        w.Write($"<h2>{E(L("各网格时限达标率", "Compliance per grid"))}</h2>\n");
        Figure(w, Bars(L("各网格时限达标率 (%)", "Compliance per grid (%)"), report.ByGrid.Select(g => (g.Name, (g.Compliance ?? 0) * 100)).ToArray()));
        Table(w, [L("网格", "Grid"), L("事件", "Cases"), L("按时", "Met"), L("超时", "Late or breached"), L("达标率", "Compliance")],
            report.ByGrid.Select(g => new[] { g.Name, Num(g.Cases), Num(g.Met), Num(g.LateOrBreached), Percent(g.Compliance) }));

        // The three rates by month.
        w.Write($"<h2>{E(L("三率（按月）", "The three rates by month"))}</h2>\n");
        var months = report.ThreeRatesByMonth;
        Figure(w, Lines(L("三率 (%)", "The three rates (%)"), months.Select(m => m.Month).ToArray(),
            [(L("响应率", "Response"), months.Select(m => (m.Response ?? 0) * 100).ToArray()),
             (L("解决率", "Resolution"), months.Select(m => (m.Resolution ?? 0) * 100).ToArray()),
             (L("满意率", "Satisfaction"), months.Select(m => (m.Satisfaction ?? 0) * 100).ToArray())]));
        Table(w, [L("月份", "Month"), L("事件", "Cases"), L("响应率", "Response"), L("解决率", "Resolution"), L("满意率", "Satisfaction"), L("综合得分", "Score")],
            months.Select(m => new[] { m.Month, Num(m.Cases), Percent(m.Response), Percent(m.Resolution), Percent(m.Satisfaction), Percent(m.Score) }));

        // Backlog.
        w.Write($"<h2>{E(L("积压事件（每日）", "Backlog, day by day"))}</h2>\n");
        var backlog = report.Backlog;
        Figure(w, Lines(L("未办结事件", "Open cases"), backlog.Select(b => b.Date).ToArray(), [(L("未办结", "Open"), backlog.Select(b => (double)b.Open).ToArray())]));

        // Ranking stability across quarters.
        if (report.Quarters.Count > 0)
        {
            w.Write($"<h2>{E(L("楼长排名（跨季度）", "Building-head ranking across quarters"))}</h2>\n");
            var quarters = report.Quarters.Select(q => q.Quarter).ToArray();
            var top = report.Quarters[0].BuildingHeads.Take(5).ToArray();
            Figure(w, Lines(L("名次（第一季度前五名）", "Position (the first quarter's top five)"), quarters,
                top.Select(p => (p.Name, report.Quarters.Select(q => (double)(q.BuildingHeads.FirstOrDefault(h => h.Person == p.Person)?.Position ?? 13)).ToArray())).ToArray(),
                invert: true));
            foreach (var q in report.Quarters)
            {
                w.Write($"<h3>{E(q.Quarter)}</h3>\n");
                Table(w, [L("名次", "Position"), L("楼长", "Building head"), L("积分", "Points"), L("名额", "Seat")],
                    q.BuildingHeads.Select(h => new[] { Num(h.Position), h.Name, h.Total.ToString("0.##", CultureInfo.InvariantCulture), h.Seat ?? "" }));
            }
        }

        w.Write("</body>\n</html>\n");
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static void Figure(TextWriter w, string svg) => w.Write($"<figure>{svg}</figure>\n");

    private static void Table(TextWriter w, string[] headers, IEnumerable<string[]> rows)
    {
        w.Write("<table><tr>");
        foreach (var h in headers)
        {
            w.Write($"<th>{E(h)}</th>");
        }

        w.Write("</tr>\n");
        foreach (var row in rows)
        {
            w.Write("<tr>");
            foreach (var cell in row)
            {
                w.Write($"<td>{E(cell)}</td>");
            }

            w.Write("</tr>\n");
        }

        w.Write("</table>\n");
    }

    /// <summary>A bar chart of named values, as SVG.</summary>
    private static string Bars(string title, (string Name, double Value)[] bars)
    {
        var plot = new Plot();
        plot.Add.Bars(bars.Select(b => b.Value).ToArray());
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, bars.Length).Select(i => (double)i).ToArray(), bars.Select(b => b.Name).ToArray());
        plot.Axes.SetLimitsY(0, 100);
        plot.Title(title);
        return Svg(plot);
    }

    /// <summary>Lines over named points (months, days, quarters), as SVG; <paramref name="invert"/> puts small values on top (for positions).</summary>
    private static string Lines(string title, string[] xs, (string Name, double[] Values)[] series, bool invert = false)
    {
        var plot = new Plot();
        var positions = Enumerable.Range(0, xs.Length).Select(i => (double)i).ToArray();
        foreach (var (name, values) in series)
        {
            var line = plot.Add.Scatter(positions, values);
            line.LegendText = name;
        }

        // At most eight labels along the bottom, whatever the number of points (a day's label is ten characters).
        var step = Math.Max(1, (int)Math.Ceiling(xs.Length / 8.0));
        var ticks = Enumerable.Range(0, xs.Length).Where(i => i % step == 0).ToArray();
        plot.Axes.Bottom.SetTicks(ticks.Select(i => (double)i).ToArray(), ticks.Select(i => xs[i]).ToArray());
        if (invert)
        {
            var max = series.SelectMany(s => s.Values).DefaultIfEmpty(1).Max();
            plot.Axes.SetLimitsY(max + 0.5, 0.5);
        }

        plot.ShowLegend();
        plot.Title(title);
        return Svg(plot);
    }

    private static string Svg(Plot plot)
    {
        var svg = plot.GetSvgXml(Width, Height);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start < 0 ? svg : svg[start..];
    }
}
