namespace BusinessOps.Agents.Development;

/// <summary>
/// The built-in Scriban templates of the scaffolds. Their variables are checked names (<c>name</c> kebab-case,
/// <c>pascal</c>) and the feature pre-escaped for where it lands (<c>title_xml</c> for a C# doc comment,
/// <c>title_yaml</c> and <c>description_yaml</c> single-quoted YAML scalars, <c>title_comment</c> one line), so nothing from an issue can break out of the file's syntax.
/// </summary>
internal static class ScaffoldTemplates
{
    public const string AgentClass = """
        using System.Text.Json.Nodes;
        using BusinessOps.Agents.Sdk;
        using BusinessOps.Core.Labels;
        using BusinessOps.Core.Results;

        namespace BusinessOps.Agents.{{ pascal }};

        /// <summary>ai-{{ name }}-agent: {{ title_xml }}</summary>
        public sealed class {{ pascal }}Agent : IAgent
        {
            public string Name => "ai-{{ name }}-agent";

            public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
            {
                var request = context.Form.Required("Request", "what the agent should do");
                var outputs = new JsonObject { ["request"] = request };
                return Task.FromResult(ResultFactory.Create(context, AgentOutcome.Completed, "Received: " + request, null, ["Implement the agent's analysis."], outputs, Classification.Routine, 0.5));
            }
        }

        """;

    public const string AgentProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <AssemblyName>ai-{{ name }}-agent</AssemblyName>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="../BusinessOps.Agents/BusinessOps.Agents.csproj" />
          </ItemGroup>
        </Project>

        """;

    public const string AgentProgram = """
        using BusinessOps.Agents.{{ pascal }};
        using BusinessOps.Agents.Hosting;

        return await AgentHost.RunAsync(new {{ pascal }}Agent(), args, CancellationToken.None).ConfigureAwait(false);

        """;

    public const string Workflow = """
        # {{ name }}.yml — {{ title_comment }}. Keys: see content-marketing.yml.

        title: {{ title_yaml }}
        description: {{ description_yaml }}

        steps:
          - id: design
            title: Architecture decision
            agent: architect
            labels: [dev/architecture]

          - id: implement
            title: Implementation plan
            agent: developer
            labels: [dev/implementation]
            needs: [design]

          - id: qa
            title: Quality gates
            agent: qa
            labels: [dev/qa]
            needs: [implement]

          - id: deploy
            title: Deployment plan
            agent: devops
            labels: [dev/deploy]
            needs: [qa]

        """;

    public const string Policy = """
        # {{ name }}.yml — {{ title_comment }}
        #
        # Rules of one agent, one key per rule. Document each key's meaning and unit here; a key you delete keeps its
        # built-in value once the agent reads this file (add it to AgentRules and the policy loader).

        enabled: true
        # threshold: 0.5

        """;
}
