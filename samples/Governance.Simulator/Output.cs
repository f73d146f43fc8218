using System.Globalization;
using Spectre.Console;

/// <summary>Readable tables in the terminal (Spectre.Console).</summary>
internal static class Output
{
    /// <summary>English headers (<c>--lang en</c>); Chinese by default.</summary>
    public static bool English { get; set; }

    private static string L(string zh, string en) => English ? en : zh;

    private static string Pct(double? x) => x is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:P1}") : "–";

    /// <summary>When the output is redirected, tables keep their rows on one line each (no wrapping at 80 columns).</summary>
    public static void WideWhenRedirected()
    {
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 240;
        }
    }

    public static void Tables(SimulationReport r)
    {
        AnsiConsole.Write(new Rule(L($"[bold]Governance 模拟 — {r.From} … {r.To}，{r.Grids} 个网格，种子 {r.Seed}[/]", $"[bold]Governance simulation — {r.From} … {r.To}, {r.Grids} grids, seed {r.Seed}[/]")).LeftJustified());
        AnsiConsole.MarkupLine(Markup.Escape(L($"时限策略：{r.Policy}。事件 {r.Cases}，办结 {r.Closed}，上报 {r.Escalations}，超时环节 {r.LateOrBreached}。", $"SLA policy: {r.Policy}. Cases {r.Cases}, closed {r.Closed}, escalations {r.Escalations}, steps late or breached {r.LateOrBreached}.")));

        var steps = new Table().Title(L("各环节时限达标率", "SLA compliance per step")).AddColumns(L("环节", "step"), L("按时", "met"), L("超时完成", "late"), L("超时未完成", "breached"), L("进行中", "open"), L("达标率", "compliance"));
        foreach (var s in r.Steps)
        {
            steps.AddRow(s.Step, $"{s.Met}", $"{s.MetLate}", $"{s.Breached}", $"{s.Open}", Pct(s.Compliance));
        }

        AnsiConsole.Write(steps);
        Group(L("（按网格）", "per grid"), r.ByGrid);
        Group(L("（按事件类别）", "per category"), r.ByCategory);

        var departments = new Table().Title(L("吹哨报到", "Departments summoned")).AddColumns(L("部门", "department"), L("次数", "summons"));
        foreach (var d in r.DepartmentsSummoned)
        {
            departments.AddRow(Markup.Escape(d.Name), $"{d.Value}");
        }

        AnsiConsole.Write(departments);
        var typical = new Table().Title(L("典型案例库（30 天内同一地点 ≥3 件）", "Typical cases (≥3 at one place within 30 days)")).AddColumns(L("类别", "category"), L("地点", "place"), L("件数", "cases"), L("首次", "first"));
        foreach (var t in r.TypicalCases)
        {
            typical.AddRow(Markup.Escape(t.Category), Markup.Escape(t.Place), $"{t.Cases}", t.First);
        }

        AnsiConsole.Write(typical);
        var weekly = new Table().Title(L("每周投诉分析：每周事件最多的网格", "Weekly complaint report: top grids of every week")).AddColumns(L("周", "week"), L("网格", "grid"), L("件数", "cases"), "12345", L("时限达标率", "SLA compliance"));
        foreach (var week in r.Weeks)
        {
            foreach (var w in week.TopGrids)
            {
                weekly.AddRow(week.Week, w.Grid, $"{w.Total}", $"{w.Hotline12345}", Pct(w.Compliance));
            }
        }

        AnsiConsole.Write(weekly);
        foreach (var q in r.Quarters)
        {
            People(L($"楼长积分排名 {q.Quarter}（前 12）", $"Building heads {q.Quarter} (top 12)"), q.BuildingHeads, seat: true);
            People(L($"季度优秀楼长（3/3/3）{q.Quarter}", $"Quarterly excellent building heads (3/3/3) {q.Quarter}"), q.Selected, seat: true);
            foreach (var u in q.UnfilledSeats)
            {
                AnsiConsole.MarkupLine(Markup.Escape(L($"  空缺：{u.Name} × {u.Value}", $"  unfilled: {u.Name} × {u.Value}")));
            }

            People(L($"网格员考核 {q.Quarter}", $"Grid workers {q.Quarter}"), q.GridWorkers, seat: false);
        }

        var rates = new Table().Title(L("三率考核（按月；权重 10/45/45）", "Three rates by month (weights 10/45/45)")).AddColumns(L("月份", "month"), L("件数", "cases"), L("响应率", "response"), L("解决率", "resolution"), L("满意率", "satisfaction"), L("得分", "score"), L("环比", "vs month before"), L("最佳网格", "best grid"), L("最差网格", "worst grid"));
        foreach (var m in r.ThreeRatesByMonth)
        {
            var scored = m.Grids.Where(g => g.Score is not null).ToArray();
            rates.AddRow(m.Month, $"{m.Cases}", Pct(m.Response), Pct(m.Resolution), Pct(m.Satisfaction), Pct(m.Score),
                m.ScoreChange is { } change ? string.Create(CultureInfo.InvariantCulture, $"{(change >= 0 ? "+" : "")}{change * 100:F1} pt") : "–",
                scored.Length == 0 ? "–" : $"{scored[0].Grid} {Pct(scored[0].Score)}", scored.Length == 0 ? "–" : $"{scored[^1].Grid} {Pct(scored[^1].Score)}");
        }

        AnsiConsole.Write(rates);
        var tb = r.TimeBank;
        AnsiConsole.MarkupLine(Markup.Escape(L($"时间银行：{tb.Accounts} 个账户，{tb.Transactions} 笔交易，存入 {tb.Deposited}，兑换 {tb.Redeemed}，公益池 {tb.Pool}。", $"Time bank: {tb.Accounts} accounts, {tb.Transactions} transactions, deposited {tb.Deposited}, redeemed {tb.Redeemed}, pool {tb.Pool}.")));
        var passbook = new Table().Title(Markup.Escape(L($"{tb.PassbookOwner} 的存折：期初 {tb.Opening}，期末 {tb.Closing}（前 12 行）", $"Passbook of {tb.PassbookOwner}: opening {tb.Opening}, closing {tb.Closing} (first 12 lines)"))).AddColumns(L("时间", "time"), L("类型", "kind"), L("金额", "amount"), L("余额", "balance"), L("摘要", "note"));
        foreach (var p in tb.Passbook)
        {
            passbook.AddRow(p.Date, p.Kind, p.Amount, p.Balance, Markup.Escape(p.Note));
        }

        AnsiConsole.Write(passbook);
    }

    public static void Compare(SimulationReport a, SimulationReport b)
    {
        var table = new Table().Title($"Same workload (seed {a.Seed}, {a.Cases} cases), two SLA policies").AddColumns("step", Markup.Escape(a.Policy), Markup.Escape(b.Policy), "difference");
        foreach (var (x, y) in a.Steps.Zip(b.Steps))
        {
            var diff = x.Compliance is { } p && y.Compliance is { } q ? string.Create(CultureInfo.InvariantCulture, $"{(q - p) * 100:+0.0;-0.0;0.0} pts") : "–";
            table.AddRow(x.Step, Pct(x.Compliance), Pct(y.Compliance), diff);
        }

        table.AddRow("late or breached", $"{a.LateOrBreached}", $"{b.LateOrBreached}", $"{b.LateOrBreached - a.LateOrBreached:+0;-0;0}");
        AnsiConsole.Write(table);
    }

    private static void Group(string title, IReadOnlyList<GroupCompliance> rows)
    {
        var table = new Table().Title(L($"时限达标率{title}", $"SLA compliance {title}")).AddColumns("", L("件数", "cases"), L("按时", "met"), L("超时", "late/breached"), L("达标率", "compliance"));
        foreach (var g in rows)
        {
            table.AddRow(Markup.Escape(g.Name), $"{g.Cases}", $"{g.Met}", $"{g.LateOrBreached}", Pct(g.Compliance));
        }

        AnsiConsole.Write(table);
    }

    private static void People(string title, IReadOnlyList<RankedPerson> rows, bool seat)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumns("#", L("人员", "person"), L("姓名", "name"), L("积分", "points"));
        if (seat)
        {
            table.AddColumn("seat");
        }

        foreach (var p in rows)
        {
            var cells = new List<string> { $"{p.Position}", p.Person, Markup.Escape(p.Name), p.Total.ToString("0.##", CultureInfo.InvariantCulture) };
            if (seat)
            {
                cells.Add(Markup.Escape(p.Seat ?? ""));
            }

            table.AddRow(cells.ToArray());
        }

        AnsiConsole.Write(table);
    }

    public static void Estimates(string policy, int runs, IReadOnlyList<Estimate> estimates)
    {
        var table = new Table().Title(Markup.Escape($"{policy}: {runs} runs, mean and 95 % interval")).AddColumns("figure", "mean", "95 % interval");
        foreach (var e in estimates)
        {
            table.AddRow(Markup.Escape(e.Figure), Pct(e.Mean), $"{Pct(e.Low)} … {Pct(e.High)}");
        }

        AnsiConsole.Write(table);
    }

    public static void Differences(string a, string b, IReadOnlyList<Difference> differences)
    {
        var table = new Table().Title(Markup.Escape($"{b} − {a}: paired over the same seeds, 95 % interval")).AddColumns("figure", a, b, "difference", "95 % interval", "significant");
        foreach (var d in differences)
        {
            table.AddRow(Markup.Escape(d.Figure), Pct(d.MeanA), Pct(d.MeanB), Signed(d.Mean), $"{Signed(d.Low)} … {Signed(d.High)}", d.Significant ? "yes" : "no");
        }

        AnsiConsole.Write(table);
    }

    private static string Signed(double x) => string.Create(CultureInfo.InvariantCulture, $"{(x >= 0 ? "+" : "")}{x * 100:F1} pt");

    public static void Sweep(string setting, int runs, IReadOnlyList<SweepPoint> points)
    {
        var figures = points.SelectMany(p => p.Figures.Select(f => f.Figure)).Distinct().ToArray();
        var table = new Table().Title(Markup.Escape($"Sweep of {setting} ({runs} run{(runs == 1 ? "" : "s")} each{(runs > 1 ? ", means" : "")})")).AddColumn(setting);
        foreach (var f in figures)
        {
            table.AddColumn(Markup.Escape(f));
        }

        foreach (var p in points)
        {
            var byFigure = p.Figures.ToDictionary(f => f.Figure, f => f.Mean);
            table.AddRow([p.Value, .. figures.Select(f => byFigure.TryGetValue(f, out var m) ? Pct(m) : "–")]);
        }

        AnsiConsole.Write(table);
    }

    /// <summary>Writes one row per case (RFC 4180: comma-separated, fields quoted where needed, UTF-8 with a header).</summary>
    public static void Csv(SimulationReport r, TextWriter into)
    {
        static string Field(string? x) => x is null ? "" : x.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{x.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : x;
        into.WriteLine("id,grid,category,source,registered,state,closed,respond,claim,resolve,feedback,escalations,satisfaction");
        foreach (var c in r.CaseLines)
        {
            into.WriteLine(string.Join(',', new[] { c.Id, c.Grid, c.Category, c.Source, c.Registered, c.State, c.Closed, c.Respond, c.Claim, c.Resolve, c.Feedback,
                c.Escalations.ToString(CultureInfo.InvariantCulture), c.Satisfaction }.Select(Field)));
        }
    }
}
