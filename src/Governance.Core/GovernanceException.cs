namespace Governance;

/// <summary>
/// 业务规则异常 — the base of every exception that reports a broken domain rule
/// (an action not permitted in the current state, a limit that would be exceeded …),
/// as opposed to a caller's mistake, which is reported with the <see cref="ArgumentException"/> family.
/// </summary>
/// <remarks>A command that throws this exception has changed nothing.</remarks>
public class GovernanceException : Exception
{
    /// <summary>Creates an exception with a message that names the state, the action, who tried and what is allowed.</summary>
    /// <param name="message">The explanation, written for a district engineer.</param>
    public GovernanceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">The explanation, written for a district engineer.</param>
    /// <param name="innerException">The cause.</param>
    public GovernanceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
