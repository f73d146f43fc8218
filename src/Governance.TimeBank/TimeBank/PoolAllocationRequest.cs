namespace Governance.TimeBank;

/// <summary>
/// 公益池分配 — allocate credit from the community pool to claimants: the policy's priority group
/// (elderly people living alone) first, then the rest, each group in the order given; each claim gets what
/// the pool still has, up to its amount and the claimant's room under the cap.
/// </summary>
/// <remarks>Equality is by value, comparing the claims in order.</remarks>
/// <param name="Id">The client's transaction id.</param>
/// <param name="Claims">The claims; at least one, each account once.</param>
public sealed record PoolAllocationRequest(Id<TimeBankTransaction> Id, IReadOnlyList<PoolClaim> Claims)
    : TimeBankRequest(Id)
{
    /// <inheritdoc />
    public bool Equals(PoolAllocationRequest? other) =>
        other is not null && base.Equals(other) && (ReferenceEquals(Claims, other.Claims) || (Claims is not null && other.Claims is not null && Claims.SequenceEqual(other.Claims)));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Claims?.Count);
}
