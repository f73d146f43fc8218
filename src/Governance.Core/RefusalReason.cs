namespace Governance;

/// <summary>
/// 拒绝类别 — what kind of refusal a <see cref="GovernanceException"/> is, so a host maps it to a response (HTTP 400, 403,
/// 404, 409 …) without reading the message. A caller's malformed argument is not a refusal: it is an
/// <see cref="ArgumentException"/> (including <see cref="Validation.ValidationFailedException"/>), which maps to 400.
/// </summary>
/// <remarks>No member is 0.</remarks>
public enum RefusalReason
{
    /// <summary>The input is well-formed but not valid as a whole (a stored history that cannot have been written) — 400.</summary>
    InvalidArgument = 1,

    /// <summary>Not permitted now: the state or a domain rule forbids it (a closed case, a team gifting hours) — 409.</summary>
    NotPermitted,

    /// <summary>The actor may not do this (the authorization policy, a verifier without a verifying role) — 403.</summary>
    NotAuthorized,

    /// <summary>Out of order in time: dated before what is already recorded, or ahead of the clock — 409.</summary>
    OutOfOrder,

    /// <summary>Something it names does not exist (a pinned SLA policy version) — 404.</summary>
    NotFound,

    /// <summary>It conflicts with what another writer recorded (a version, an id used with other content, a newer schema) — 409.</summary>
    Conflict,

    /// <summary>A limit would be exceeded (available credit, a storage cap, the representable time range) — 409.</summary>
    LimitExceeded,
}
