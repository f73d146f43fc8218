using Governance.Resources;

namespace Governance.Validation;

/// <summary>
/// 校验未通过 — thrown when a model or a configuration file has one or more problems.
/// Every problem is reported at once in <see cref="Errors"/>, so a district engineer can fix
/// the whole file in one pass.
/// </summary>
/// <remarks>This is a caller's mistake (bad input), so it derives from <see cref="ArgumentException"/>.
/// Nothing is built or changed when it is thrown. The message's frame is in the current UI culture (English or zh-CN).</remarks>
public sealed class ValidationFailedException : ArgumentException
{
    /// <summary>Creates the exception from the list of problems found.</summary>
    /// <param name="subject">What was validated, e.g. "organisation model" or "calendar JSON".</param>
    /// <param name="errors">The problems; must not be empty.</param>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public ValidationFailedException(string subject, IReadOnlyList<ValidationError> errors)
        : base(Format(subject, errors))
    {
        Subject = subject;
        Errors = errors;
    }

    /// <summary>What was validated, e.g. "organisation model".</summary>
    public string Subject { get; }

    /// <summary>Every problem found, in the order found.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    private static string Format(string subject, IReadOnlyList<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException(GovernanceMessages.Text("ValidationFailureNeedsLeastOneError"), nameof(errors));
        }

        return Resources.GovernanceMessages.Format("ValidationFailed", subject, errors.Count)
            + Environment.NewLine
            + string.Join(Environment.NewLine, errors.Select(e => "  - " + e));
    }
}
