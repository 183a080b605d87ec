using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core.Agents.Rules;

namespace BusinessOps.Agents.Development;

/// <summary>
/// Effort by the documented model of <c>delivery.yml</c>, so estimates are explainable and repeatable: base points per
/// criterion, plus each driver whose words it mentions (integration, security, data migration, API, UI, performance,
/// data), +1 per 25 words beyond the first 25, times the unknowns multiplier when it says TBD/unclear/investigate; rounded
/// up to the next Fibonacci number (1, 2, 3, 5, 8, 13, 21). A test task adds the test share of the rest.
/// Dependencies: data migration first, then APIs and integrations, then UI; component integration and tests last.
/// Floors: when the feature sentence or a criterion mentions a driver with a floor (security 13, integration 8, data
/// migration 8), the criteria tasks together are at least that many points; a task for the work the criteria do not
/// spell out makes up the gap (rounded up to Fibonacci), so "SSO" with one thin criterion is never a 1-point job.
/// </summary>
internal static class EffortEstimator
{
    private static readonly int[] Fibonacci = [1, 2, 3, 5, 8, 13, 21];

    // Build order of the drivers; a task is at its earliest driver's stage and waits for every task of a strictly earlier stage (never a cycle).
    private static readonly Dictionary<string, int> Stages = new(StringComparer.Ordinal)
    {
        ["data-migration"] = 0,
        ["api"] = 1,
        ["security"] = 1,
        ["integration"] = 2,
        ["performance"] = 2,
        ["ui"] = 3,
    };

    public static IReadOnlyList<DevTask> Estimate(string feature, IReadOnlyList<string> criteria, IReadOnlyList<string> components, DeliveryRules rules)
    {
        var tasks = new List<DevTask>();
        foreach (var c in criteria)
        {
            var (points, drivers) = Score(c, rules);
            var fib = ToFibonacci(points);
            tasks.Add(new DevTask(c, fib, fib * rules.HoursPerPoint, drivers));
        }

        if (Floor(feature, criteria, rules) is { } floor && tasks.Sum(t => t.Points) < floor.Floor)
        {
            var gap = ToFibonacci(floor.Floor - tasks.Sum(t => t.Points));
            tasks.Add(new DevTask($"{char.ToUpperInvariant(floor.Name[0])}{floor.Name[1..]} work the criteria do not spell out (delivery.yml: a {floor.Name} feature is at least {floor.Floor} points)", gap, gap * rules.HoursPerPoint, [floor.Name, "floor"]));
        }

        tasks = [.. tasks.Select((t, i) => t with { DependsOn = Dependencies(tasks, i) })];
        var built = Enumerable.Range(1, tasks.Count).ToList();
        foreach (var component in components)
        {
            tasks.Add(new DevTask($"Integrate changes in {component}", 2, 2 * rules.HoursPerPoint, ["component"]) { DependsOn = built });
        }

        var testPoints = ToFibonacci((int)Math.Ceiling(tasks.Sum(t => t.Points) * rules.TestShare));
        tasks.Add(new DevTask("Automated tests for the acceptance criteria", testPoints, testPoints * rules.HoursPerPoint, ["tests"]) { DependsOn = [.. Enumerable.Range(1, tasks.Count)] });
        return tasks;
    }

    internal static (int Points, IReadOnlyList<string> Drivers) Score(string criterion, DeliveryRules rules)
    {
        var points = (double)rules.BasePoints;
        var drivers = new List<string>();
        foreach (var driver in rules.Drivers.Where(d => Keywords.Hits(criterion, d.Keywords).Count > 0))
        {
            points += driver.Points;
            drivers.Add(driver.Name);
        }

        var words = criterion.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words > 25)
        {
            points += (words - 1) / 25;
            drivers.Add("long");
        }

        if (Keywords.Hits(criterion, rules.UnknownWords).Count > 0)
        {
            points *= rules.UnknownsMultiplier;
            drivers.Add("unknowns");
        }

        return ((int)Math.Ceiling(points), drivers);
    }

    /// <summary>The highest floor among the drivers the feature sentence or its criteria mention, or null.</summary>
    internal static EstimateDriver? Floor(string feature, IReadOnlyList<string> criteria, DeliveryRules rules)
    {
        var text = feature + "\n" + string.Join("\n", criteria);
        return rules.Drivers.Where(d => d.Floor > 0 && Keywords.Hits(text, d.Keywords).Count > 0).OrderByDescending(d => d.Floor).FirstOrDefault();
    }

    public static int ToFibonacci(int points) => Fibonacci.FirstOrDefault(f => f >= points, Fibonacci[^1]);

    private static List<int> Dependencies(List<DevTask> tasks, int index)
    {
        var stage = Stage(tasks[index]);
        return stage is null ? [] : [.. tasks.Select((t, i) => (Stage: Stage(t), Number: i + 1)).Where(x => x.Stage < stage).Select(x => x.Number)];
    }

    private static int? Stage(DevTask task) => task.Drivers.Where(Stages.ContainsKey).Select(d => (int?)Stages[d]).Min();
}
