namespace BusinessOps.Agents.Marketing;

/// <summary>The built-in wording of the marketing agent's comment (a business overrides it with <c>policies/templates/marketing.sbn</c>).</summary>
internal static class MarketingTemplate
{
    public const string BuiltIn = """
        {{~ if operation == "campaign" ~}}
        ## Campaign plan: {{ campaign }}

        For **{{ audience }}**, {{ start_date }} to {{ end_date }}, budget {{ budget }}.

        {{ copy }}

        | Channel | Format | Budget | Posts | Per post | Dates |
        |---|---|---:|---:|---:|---|
        {{~ for c in channels ~}}
        | {{ c.name }} | {{ c.format }} | {{ c.budget }} | {{ c.posts }} | {{ c.per_post }} | {{ c.dates }} |
        {{~ end ~}}
        {{~ if sends.size > 0 }}

        ### Email sequence (sent through the {{ endpoint }} webhook once approved)
        {{~ for s in sends ~}}
        {{ s.step }}. {{ s.send_on }}: {{ s.purpose }}
        {{~ end ~}}
        {{~ end }}
        {{~ else ~}}
        **SEO score {{ score }}/100** for “{{ keyword }}”.

        | Measure | Value |
        |---|---:|
        | Title | {{ title_length }} characters |
        | Meta description | {{ meta_length }} characters |
        | Keyword density | {{ keyword_density }} % |
        | Headings | {{ h1 }} H1, {{ h2 }} H2 |
        | Flesch reading ease | {{ flesch }} |
        {{~ if recommendations.size > 0 }}

        ### Recommendations
        {{~ for r in recommendations ~}}
        - {{ r }}
        {{~ end ~}}
        {{~ end }}
        {{~ end }}
        """;
}
