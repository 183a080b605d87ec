namespace BusinessOps.Core.Labels;

/// <summary>
/// The answer to the Priority dropdown of an issue form: the first line under a <c>### Priority</c> heading, read as
/// a priority when it starts with <c>P0</c>…<c>P3</c> (<c>P1</c>, <c>P1 - High</c>, <c>p2</c>). Anything else — no
/// heading, <c>_No response_</c>, free text — is no answer.
/// </summary>
public static class PriorityAnswer
{
    /// <summary>The priority the form answered, or null.</summary>
    public static Priority? Read(string body) => FormAnswer.FirstLine(body, "Priority") is { } answer ? Parse(answer) : null;

    private static Priority? Parse(ReadOnlySpan<char> answer)
    {
        if (answer.Length < 2 || answer[0] is not ('P' or 'p') || answer[1] is < '0' or > '3')
        {
            return null;
        }

        return answer.Length == 2 || !char.IsAsciiLetterOrDigit(answer[2]) ? (Priority)(answer[1] - '0') : null;
    }
}
