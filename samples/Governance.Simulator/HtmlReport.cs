using System.Globalization;
using System.Net;
using ScottPlot;

/// <summary>
/// The report people look at (<c>--report out.html</c>): one self-contained HTML file — charts drawn by ScottPlot as
/// inline SVG, the tables beside them, the styles inline — so it opens with no network: nothing is fetched, no script
/// runs. The same seed writes the same bytes.
/// </summary>
/// <remarks>Charts: compliance per step and per grid, the three rates by month, the backlog day by day, and the
/// building-head ranking across quarters (the positions of the first quarter's top five); tables beside them, every
/// week's complaint report and every quarter's ranking among them. The text inside a chart is
/// ASCII (English titles, ids in legends): ScottPlot lays text out with the fonts of the machine that draws it, which may
/// have no CJK font; each chart's Chinese heading is the HTML heading above it.</remarks>
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
        Head(w, $"{L("网格化治理模拟报告", "Grid governance simulation")} — {report.From}…{report.To}");
        w.Write($"<h1>{E(L("网格化治理模拟报告", "Grid governance simulation"))}</h1>\n");
        w.Write($"<p>{E(L("策略", "Policy"))}: {E(report.Policy)} · {E(L("种子", "Seed"))} {report.Seed} · {E(report.From)}…{E(report.To)} · "
            + $"{E(L("网格", "Grids"))} {report.Grids} · {E(L("事件", "Cases"))} {report.Cases} · {E(L("已办结", "Closed"))} {report.Closed} · "
            + $"{E(L("上报", "Escalations"))} {report.Escalations}</p>\n");

        // Compliance per step.
        w.Write($"<h2>{E(L("各环节时限达标率", "Compliance per step"))}</h2>\n");
        Figure(w, Bars("Compliance per step (%)", report.Steps.Select(s => (s.Step, (s.Compliance ?? 0) * 100)).ToArray()));
        Table(w, [L("环节", "Step"), L("按时", "Met"), L("超时完成", "Met late"), L("超时", "Breached"), L("进行中", "Open"), L("达标率", "Compliance")],
            report.Steps.Select(s => new[] { s.Step, Num(s.Met), Num(s.MetLate), Num(s.Breached), Num(s.Open), Percent(s.Compliance) }));

        // Compliance per grid.
        w.Write($"<h2>{E(L("各网格时限达标率", "Compliance per grid"))}</h2>\n");
        Figure(w, Bars("Compliance per grid (%)", report.ByGrid.Select(g => (g.Name, (g.Compliance ?? 0) * 100)).ToArray()));
        Table(w, [L("网格", "Grid"), L("事件", "Cases"), L("按时", "Met"), L("超时", "Late or breached"), L("达标率", "Compliance")],
            report.ByGrid.Select(g => new[] { g.Name, Num(g.Cases), Num(g.Met), Num(g.LateOrBreached), Percent(g.Compliance) }));

        // The three rates by month.
        w.Write($"<h2>{E(L("三率（按月）", "The three rates by month"))}</h2>\n");
        var months = report.ThreeRatesByMonth;
        Figure(w, Lines("The three rates (%)", months.Select(m => m.Month).ToArray(),
            [("Response", months.Select(m => (m.Response ?? 0) * 100).ToArray()),
             ("Resolution", months.Select(m => (m.Resolution ?? 0) * 100).ToArray()),
             ("Satisfaction", months.Select(m => (m.Satisfaction ?? 0) * 100).ToArray())]));
        Table(w, [L("月份", "Month"), L("事件", "Cases"), L("响应率", "Response"), L("解决率", "Resolution"), L("满意率", "Satisfaction"), L("综合得分", "Score")],
            months.Select(m => new[] { m.Month, Num(m.Cases), Percent(m.Response), Percent(m.Resolution), Percent(m.Satisfaction), Percent(m.Score) }));

        // Backlog.
        w.Write($"<h2>{E(L("积压事件（每日）", "Backlog, day by day"))}</h2>\n");
        var backlog = report.Backlog;
        Figure(w, Lines("Open cases at the end of each day", backlog.Select(b => b.Date).ToArray(), [("Open", backlog.Select(b => (double)b.Open).ToArray())]));

        // Every week's complaint report: its busiest grids.
        if (report.Weeks.Count > 0)
        {
            w.Write($"<h2>{E(L("每周投诉分析（事件最多的网格）", "Weekly complaint report (the busiest grids)"))}</h2>\n");
            Table(w, [L("周", "Week"), L("网格", "Grid"), L("事件", "Cases"), L("12345工单", "12345 orders"), L("达标率", "Compliance")],
                report.Weeks.SelectMany(week => week.TopGrids.Select(g => new[] { week.Week, g.Grid, Num(g.Total), Num(g.Hotline12345), Percent(g.Compliance) })));
        }

        // Ranking stability across quarters.
        if (report.Quarters.Count > 0)
        {
            w.Write($"<h2>{E(L("楼长排名（跨季度）", "Building-head ranking across quarters"))}</h2>\n");
            var quarters = report.Quarters.Select(q => q.Quarter).ToArray();
            var top = report.Quarters[0].BuildingHeads.Take(5).ToArray();
            Figure(w, Lines("Position (the first quarter's top five)", quarters,
                top.Select(p => (p.Person, report.Quarters.Select(q => (double)(q.BuildingHeads.FirstOrDefault(h => h.Person == p.Person)?.Position ?? 13)).ToArray())).ToArray(),
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

    /// <summary>A sweep's report (<c>--sweep … --report</c>): every figure against the swept value, as curves with their 95 % intervals in the table.</summary>
    public static void WriteSweep(string setting, int runs, IReadOnlyList<SweepPoint> points, TextWriter w)
    {
        Head(w, $"{L("参数扫描", "Sweep")}: {setting}");
        w.Write($"<h1>{E(L("参数扫描", "Sweep"))}: {E(setting)}</h1>\n<p>{E(L("每个取值运行", "Runs per value"))} {runs}</p>\n");
        var values = points.Select(p => p.Value).ToArray();
        var figures = points.Count == 0 ? [] : points[0].Figures.Select(f => f.Figure).ToArray();
        (string, double[]) Series(string figure) => (figure, points.Select(p => (p.Figures.FirstOrDefault(f => f.Figure == figure)?.Mean ?? 0) * 100).ToArray());
        w.Write($"<h2>{E(L("时限达标率与办结率", "Compliance and the closed share"))}</h2>\n");
        Figure(w, Lines($"Compliance (%) against {setting}", values, figures.Where(f => !IsRate(f)).Select(Series).ToArray()));
        w.Write($"<h2>{E(L("三率", "The three rates"))}</h2>\n");
        Figure(w, Lines($"The three rates (%) against {setting}", values, figures.Where(IsRate).Select(Series).ToArray()));
        Table(w, [setting, .. figures], points.Select(p => (string[])[p.Value, .. figures.Select(f => p.Figures.FirstOrDefault(x => x.Figure == f)?.ToString() ?? "—")]));
        w.Write("</body>\n</html>\n");
    }

    private static bool IsRate(string figure) => figure.Contains("rate", StringComparison.Ordinal);

    private static void Head(TextWriter w, string title)
    {
        w.Write($"<!DOCTYPE html>\n<html lang=\"{L("zh-CN", "en")}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{E(title)}</title>\n");
        w.Write("<style>body{font-family:sans-serif;margin:24px;max-width:1100px;color:#222}h1{font-size:22px}h2{font-size:17px;margin-top:28px}"
            + "table{border-collapse:collapse;margin:8px 0;font-size:13px}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
            + "th{background:#f2f2f2}td:first-child,th:first-child{text-align:left}figure{margin:8px 0}svg{max-width:100%;height:auto}</style>\n</head>\n<body>\n");
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
