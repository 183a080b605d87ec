using System.Reflection;
using ArchUnitNET.Fluent.Slices;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using BusinessOps.Coordinator.Reconcile;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Architecture;

/// <summary>
/// Dependencies between namespaces point one way: no namespace of the production assemblies depends, directly or through
/// others, on one that depends on it (ARCHITECTURE.md §2). This project references every production library, so every
/// <c>BusinessOps.*</c> assembly beside the tests is checked; the fourteen agent executables hold only a top-level Program.
/// </summary>
public sealed class NamespaceCycleTests
{
    /// <summary>
    /// Assemblies whose namespaces still use each other: in Aws, GitHub and Policies the root holds shared types and a
    /// facade over its sub-namespaces; in the coordinator (assembly <c>coordinator</c>) Hosting uses Cli's CliHost and
    /// GlobalOptions while Cli builds the Commands that use Hosting, and Issues.Import and Issues.Json use each other.
    /// Policies' sub-namespaces are still held to no cycles among themselves (<see cref="Policies_SubNamespaces_HaveNoCycles"/>);
    /// untangling the rest is left to a later change, and <see cref="TangledAssemblies_StillHaveCycles"/> fails once one
    /// is untangled so that it leaves this list.
    /// </summary>
    private static readonly string[] Tangled = ["BusinessOps.Aws", "BusinessOps.GitHub", "BusinessOps.Policies", "coordinator"];

    [Fact]
    public void ProductionAssemblies_IncludeEveryLibrary()
    {
        var names = ProductionAssemblies().Select(a => a.GetName().Name).ToList();

        Assert.Contains("BusinessOps.Core", names);
        Assert.Contains("BusinessOps.Policies", names);
        Assert.Contains("BusinessOps.Agents", names);
        Assert.Contains("BusinessOps.Agents.Sdk", names);
        Assert.Contains("BusinessOps.Connectors", names);
        Assert.Contains("coordinator", names);
    }

    [Fact]
    public void Namespaces_HaveNoCycles()
    {
        var architecture = Load(ProductionAssemblies().Where(a => !Tangled.Contains(a.GetName().Name)));

        // "(**)": every namespace is a slice of its own, so a namespace and its parent may not use each other either.
        NoCycles("BusinessOps.(**)").Check(architecture);
    }

    [Fact]
    public void Policies_SubNamespaces_HaveNoCycles()
    {
        // Yaml reads documents, Validation reports about them, Binding turns them into policy records: one way only.
        NoCycles("BusinessOps.Policies.(*)").Check(Load(ProductionAssemblies().Where(a => a.GetName().Name == "BusinessOps.Policies")));
    }

    [Theory]
    [MemberData(nameof(TangledNames))]
    public void TangledAssemblies_StillHaveCycles(string assembly)
    {
        var architecture = Load(ProductionAssemblies().Where(a => a.GetName().Name == assembly));

        Assert.False(NoCycles("BusinessOps.(**)").HasNoViolations(architecture), $"{assembly} has no namespace cycle any more: remove it from Tangled");
    }

    public static TheoryData<string> TangledNames() => [.. Tangled];

    private static SliceRule NoCycles(string pattern) => SliceRuleDefinition.Slices().Matching(pattern).Should().BeFreeOfCycles();

    private static ArchUnitNET.Domain.Architecture Load(IEnumerable<Assembly> assemblies) => new ArchLoader().LoadAssemblies([.. assemblies]).Build();

    // The libraries beside the tests, and the coordinator (its assembly is named after its command).
    private static Assembly[] ProductionAssemblies() =>
        [.. Directory.EnumerateFiles(AppContext.BaseDirectory, "BusinessOps.*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => !n!.EndsWith(".Tests", StringComparison.Ordinal) && n != "BusinessOps.TestKit")
            .Order(StringComparer.Ordinal)
            .Select(n => Assembly.Load(new AssemblyName(n!)))
            .Append(typeof(Reconciler).Assembly)];
}
