namespace Governance.EntityFrameworkCore.Organisation;

/// <summary>
/// 组织架构版本被拒 — a new organisation version must hold from after the latest stored one (history is not rewritten),
/// and only one writer can add the next version; nothing was written.
/// </summary>
public sealed class OrganisationVersionRefusedException : GovernanceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The reason code.</param>
    /// <param name="message">The explanation.</param>
    public OrganisationVersionRefusedException(string code, string message)
        : base(RefusalReason.Conflict, message) => Code = code;

    /// <summary>
    /// The reason code: <c>organisation.not-after-latest</c> (the new version would hold from before or at the latest's
    /// start) or <c>organisation.concurrent-version</c> (another writer stored the next version first).
    /// </summary>
    public string Code { get; }
}
