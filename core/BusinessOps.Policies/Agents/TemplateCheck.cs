using Scriban;

namespace BusinessOps.Policies.Agents;

/// <summary>Parses a comment template the way the agents will (Scriban), so <c>policies validate</c> reports its errors by line.</summary>
public static class TemplateCheck
{
    /// <summary>The first parse error of <paramref name="text"/> as a <paramref name="file"/>:line:column error (later ones are mostly its echoes); none when it parses.</summary>
    public static IReadOnlyList<PolicyError> Errors(string file, string text)
    {
        var template = Template.Parse(text, file);
        return template.HasErrors
            ? [.. template.Messages.Take(1).Select(m => new PolicyError(file, m.Span.Start.Line + 1, m.Span.Start.Column + 1, m.Message))]
            : [];
    }
}
