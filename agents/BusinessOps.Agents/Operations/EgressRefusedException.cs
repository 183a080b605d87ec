namespace BusinessOps.Agents.Operations;

/// <summary>A connection the network policy does not allow; the message names the address, its range and the policy key.</summary>
internal sealed class EgressRefusedException : IOException
{
    public EgressRefusedException()
    {
    }

    public EgressRefusedException(string message)
        : base(message)
    {
    }

    public EgressRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
