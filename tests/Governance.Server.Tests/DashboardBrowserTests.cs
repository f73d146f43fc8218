using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Governance.Server.Tests;

/// <summary>
/// The dashboard in a real browser: Debian's headless Chromium, driven by Playwright, opens the page served by the host on
/// a loopback port; a case registered through the API appears with its countdown, the clock moves and the countdown with
/// it, the case is responded to and its state and countdown change. A screenshot is kept beside the test binaries.
/// </summary>
public sealed class DashboardBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task A_registered_case_appears_counts_down_and_changes_state_when_acted_on()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package (.ci/run does).");
        await using var server = ServerFactory.Sqlite();
        server.UseKestrel(0);
        server.StartServer();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            Timeout = 60_000,
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 }, Locale = "zh-CN" });
        var failures = new List<string>();
        page.RequestFailed += (_, r) => failures.Add(r.Url);
        await page.GotoAsync($"{address}/?refresh=1");
        await page.WaitForSelectorAsync("body[data-loaded]", new PageWaitForSelectorOptions { Timeout = 30_000 });

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ServerFactory.Token("C1-R1"));
        var id = await Api.ReportAsync(http);
        var row = page.Locator("#open-cases tbody tr", new PageLocatorOptions { HasText = id });
        await row.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.Equal("已登记", await row.Locator("[data-role=state]").InnerTextAsync());
        Assert.Matches("^00:5[89]:[0-9]{2}$|^01:00:00$", await row.Locator("[data-role=countdown]").InnerTextAsync());

        // Forty minutes later by the server's clock: twenty minutes left to respond.
        server.Clock.Advance(Duration.FromMinutes(40));
        await WaitForTextAsync(row.Locator("[data-role=countdown]"), t => t.StartsWith("00:19:", StringComparison.Ordinal) || t.StartsWith("00:20:", StringComparison.Ordinal));

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ServerFactory.Token("C1-GW3"));
        await Api.OkAsync(await Api.CommandAsync(http, id, "respond", new { note = "网格员已到场" }));
        await WaitForTextAsync(row.Locator("[data-role=state]"), t => t == "已响应");
        await WaitForTextAsync(row.Locator("[data-role=countdown]"), t => t.StartsWith("00:59:", StringComparison.Ordinal) || t == "01:00:00");   // the claim hour

        // An hour and a half later the claim is overdue, in red.
        server.Clock.Advance(Duration.FromMinutes(90));
        await WaitForTextAsync(row.Locator("[data-role=countdown]"), t => t.StartsWith("超时 00:30:", StringComparison.Ordinal) || t.StartsWith("超时 00:29:", StringComparison.Ordinal));
        Assert.Equal("overdue", await row.Locator("[data-role=countdown]").GetAttributeAsync("class"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "dashboard.png"), FullPage = true });
        Assert.Empty(failures);
    }

    private static async Task WaitForTextAsync(ILocator locator, Func<string, bool> condition)
    {
        var last = "";
        for (var i = 0; i < 150; i++)
        {
            last = await locator.InnerTextAsync();
            if (condition(last))
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"The page still shows '{last}'.");
    }
}
