namespace BusinessOps.Core.Effects;

/// <summary>What an effect's target names, so it can be checked before anything runs.</summary>
public enum EffectTargetForm
{
    /// <summary>An issue or pull request of this repository: <c>#12</c>.</summary>
    Issue,

    /// <summary>A deployment environment: <c>production</c>.</summary>
    Environment,

    /// <summary>A webhook endpoint named in <c>policies/connectors.yml</c>: <c>payables</c>.</summary>
    Endpoint,

    /// <summary>One email address: <c>ap@example.com</c>.</summary>
    EmailAddress,

    /// <summary>A command named in <c>policies/connectors.yml</c>: <c>deploy</c>.</summary>
    Command,
}
