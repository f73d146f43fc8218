namespace Governance;

/// <summary>
/// 业务规则异常 — the base of every exception that reports a broken domain rule
/// (an action not permitted in the current state, a limit that would be exceeded …),
/// as opposed to a caller's mistake, which is reported with the <see cref="ArgumentException"/> family.
/// </summary>
/// <remarks>A command that throws this exception has changed nothing. <see cref="Refusal"/> says what kind of refusal it is.</remarks>
public class GovernanceException : Exception
{
    /// <summary>Creates an exception with a message that names the state, the action, who tried and what is allowed; a <see cref="RefusalReason.NotPermitted"/> refusal.</summary>
    /// <param name="message">The explanation, written for a district engineer.</param>
    public GovernanceException(string message)
        : this(RefusalReason.NotPermitted, message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it; a <see cref="RefusalReason.NotPermitted"/> refusal.</summary>
    /// <param name="message">The explanation, written for a district engineer.</param>
    /// <param name="innerException">The cause.</param>
    public GovernanceException(string message, Exception innerException)
        : this(RefusalReason.NotPermitted, message, innerException)
    {
    }

    /// <summary>Creates an exception of a kind of refusal.</summary>
    /// <param name="refusal">What kind of refusal it is.</param>
    /// <param name="message">The explanation, written for a district engineer.</param>
    public GovernanceException(RefusalReason refusal, string message)
        : base(message) => Refusal = refusal;

    /// <summary>Creates an exception of a kind of refusal, with the exception that caused it.</summary>
    /// <param name="refusal">What kind of refusal it is.</param>
    /// <param name="message">The explanation, written for a district engineer.</param>
    /// <param name="innerException">The cause.</param>
    public GovernanceException(RefusalReason refusal, string message, Exception innerException)
        : base(message, innerException) => Refusal = refusal;

    /// <summary>What kind of refusal this is: the code a host maps to its response.</summary>
    public RefusalReason Refusal { get; }
}
