using System.Globalization;
using System.Text.Json;
using BusinessOps.Coordinator.Tests.Cli;
using BusinessOps.Core;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace BusinessOps.Coordinator.Tests.Reports.Browser;

/// <summary>
/// The static report page (<c>report --format html --out site/</c>) in a real browser — Debian's Chromium driven by
/// Playwright — at desktop and phone sizes: its numbers are the JSON report's, it fits a phone's width, it loads nothing
/// from outside, and axe finds no accessibility violation (colour contrast, labels, …). Screenshots are kept as CI
/// artifacts (<see cref="Screenshots"/>).
/// </summary>
public sealed class ReportPageBrowserTests(ITestOutputHelper output) : IDisposable
{
    private readonly InProcessCli _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>Where screenshots go: <c>BUSINESSOPS_TEST_ARTIFACTS</c> (CI uploads it), else beside the test assembly.</summary>
    private static string Screenshots =>
        Path.Combine(Environment.GetEnvironmentVariable("BUSINESSOPS_TEST_ARTIFACTS") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "artifacts"), "report-page");

    [Theory]
    [InlineData("desktop", 1280, 800, false)]
    [InlineData("phone", 390, 844, true)]
    public async Task Page_InChromium_ShowsTheJsonNumbers_FitsTheScreen_PassesAxe(string device, int width, int height, bool mobile)
    {
        await KpiStore.BuildAsync(_cli.StorePath, _cli.Clock);
        var site = Path.Combine(_cli.Root, "site") + Path.DirectorySeparatorChar;
        var run = await _cli.RunAsync("report", "--store", _cli.StorePath, "--format", "html", "--out", site);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(site, "index.json")));
        var overall = json.RootElement.GetProperty("overall");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserFor(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = mobile,
            HasTouch = mobile,
            DeviceScaleFactor = mobile ? 3 : 1,
        });
        var outside = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith("file:", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
            }
            else
            {
                outside.Add(route.Request.Url);
                await route.AbortAsync();
            }
        });
        var page = await context.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) => dialogs++;
        await page.GotoAsync(new Uri(Path.Combine(site, "index.html")).AbsoluteUri);

        Assert.Equal(overall.GetProperty("processed").GetInt32(), await IntAsync(page, "processed"));
        Assert.Equal(overall.GetProperty("done").GetInt32(), await IntAsync(page, "done"));
        Assert.Equal(overall.GetProperty("automated").GetInt32(), await IntAsync(page, "automated"));
        Assert.Equal(json.RootElement.GetProperty("pending").GetProperty("approvals").GetInt32(), await IntAsync(page, "pendingApprovals"));
        Assert.Equal("$" + overall.GetProperty("costUsd").GetDecimal().ToString("0.00", CultureInfo.InvariantCulture), await TextAsync(page, "[data-kpi=cost]"));
        foreach (var (name, property) in new[] { ("automationRate", "automationRate"), ("slaCompliance", "slaCompliance"), ("errorRate", "errorRate") })
        {
            var shown = await page.Locator($".card[data-kpi={name}]").GetAttributeAsync("data-value");
            Assert.Equal(overall.GetProperty(property).GetDouble(), double.Parse(shown!, CultureInfo.InvariantCulture), 4);
        }

        Assert.Equal(3, await page.Locator("svg.chart").CountAsync());

        // The charts scale to their column: their smallest text must stay readable (it was 7 px on a 3-column desktop).
        var smallest = await page.EvaluateAsync<double>("() => Math.min(...[...document.querySelectorAll('svg.chart text')].map(t => t.getBoundingClientRect().height))");
        Assert.True(smallest >= 12, $"chart text is {smallest:0.#} px high on the {device}");
        Assert.Equal(json.RootElement.GetProperty("byAgent").EnumerateObject().Count(), await page.Locator("table[data-slices=agents] tbody tr").CountAsync());
        Assert.Equal(0, dialogs);
        Assert.Empty(outside);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"the page is wider than the {device} screen ({width} px)");

        var axe = await page.RunAxe();
        var violations = axe.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}").ToList();
        foreach (var violation in violations)
        {
            output.WriteLine(violation);
        }

        Assert.Empty(violations);
        Assert.Contains(axe.Passes, r => r.Id == "color-contrast");

        Directory.CreateDirectory(Screenshots);
        var shot = Path.Combine(Screenshots, device + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        output.WriteLine("screenshot: " + shot);
        Assert.True(new FileInfo(shot).Length > 10_000);
    }

    private static Task<IBrowser> BrowserFor(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = TestChromium.Path,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu"],
    });

    private static async Task<string> TextAsync(IPage page, string selector) => (await page.Locator(selector).First.InnerTextAsync()).Trim();

    private static async Task<int> IntAsync(IPage page, string kpi) =>
        int.Parse(await TextAsync(page, $"dd[data-kpi={kpi}]"), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
}
