namespace BusinessOps.Agents.Development;

/// <summary>
/// Effort by rule, so estimates are explainable and repeatable: 1 base point per criterion, plus
/// integration/external/webhook/third-party +3, migration/schema/database +3, API/endpoint +2,
/// UI/page/screen/form/frontend +2, auth/permission/security +2, performance/cache/scale +2,
/// report/export/import +1, +1 per 25 words beyond the first 25; rounded up to the next Fibonacci
/// number (1, 2, 3, 5, 8, 13, 21). Hours = points × 4. A test task adds 30 % of the total (Fibonacci-rounded).
/// </summary>
internal static class EffortEstimator
{
    public const int HoursPerPoint = 4;

    private static readonly int[] Fibonacci = [1, 2, 3, 5, 8, 13, 21];

    private static readonly (string Driver, int Points, string[] Keywords)[] Rules =
    [
        ("integration", 3, ["integration", "integrate", "external", "third-party", "third party", "webhook", "sync"]),
        ("migration", 3, ["migration", "migrate", "schema", "database", "backfill"]),
        ("api", 2, ["api", "endpoint", "rest", "graphql"]),
        ("ui", 2, ["ui", "page", "screen", "form", "frontend", "dashboard", "button"]),
        ("security", 2, ["auth", "login", "permission", "role", "security", "encrypt"]),
        ("performance", 2, ["performance", "cache", "latency", "scale", "throughput"]),
        ("data", 1, ["report", "export", "import", "csv", "email", "notification"]),
    ];

    public static IReadOnlyList<DevTask> Estimate(IReadOnlyList<string> criteria, IReadOnlyList<string> components)
    {
        var tasks = new List<DevTask>();
        foreach (var c in criteria)
        {
            var (points, drivers) = Score(c);
            var fib = ToFibonacci(points);
            tasks.Add(new DevTask(c, fib, fib * HoursPerPoint, drivers));
        }

        foreach (var component in components)
        {
            tasks.Add(new DevTask($"Integrate changes in {component}", 2, 2 * HoursPerPoint, ["component"]));
        }

        var testPoints = ToFibonacci((int)Math.Ceiling(tasks.Sum(t => t.Points) * 0.3));
        tasks.Add(new DevTask("Automated tests for the acceptance criteria", testPoints, testPoints * HoursPerPoint, ["tests"]));
        return tasks;
    }

    internal static (int Points, IReadOnlyList<string> Drivers) Score(string criterion)
    {
        var text = " " + criterion.ToLowerInvariant() + " ";
        var points = 1;
        var drivers = new List<string>();
        foreach (var (driver, add, keywords) in Rules)
        {
            if (keywords.Any(k => ContainsWord(text, k)))
            {
                points += add;
                drivers.Add(driver);
            }
        }

        var words = criterion.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words > 25)
        {
            points += (words - 1) / 25;
            drivers.Add("long");
        }

        return (points, drivers);
    }

    public static int ToFibonacci(int points) => Fibonacci.FirstOrDefault(f => f >= points, Fibonacci[^1]);

    private static bool ContainsWord(string text, string word)
    {
        var i = text.IndexOf(word, StringComparison.Ordinal);
        while (i >= 0)
        {
            var before = text[i - 1];
            var after = i + word.Length < text.Length ? text[i + word.Length] : ' ';
            if (!char.IsLetterOrDigit(before) && !char.IsLetterOrDigit(after))
            {
                return true;
            }

            i = text.IndexOf(word, i + 1, StringComparison.Ordinal);
        }

        return false;
    }
}
