using System.Globalization;

namespace BusinessOps.Faults.Tests.Harness;

/// <summary>
/// Seeds of the randomised parts: fixed per test (so CI runs are reproducible), or <c>BUSINESSOPS_FAULT_SEED</c> to replay a
/// failure or explore new ground. Failures print the seed they ran with.
/// </summary>
internal static class Seeds
{
    public const string Variable = "BUSINESSOPS_FAULT_SEED";

    public static int Base(string test) =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : StableHash(test);

    // string.GetHashCode is randomised per process; this is not.
    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash & 0x7fffffff;
    }
}
