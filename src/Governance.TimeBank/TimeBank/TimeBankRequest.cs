using System.Text.Json.Serialization;

namespace Governance.TimeBank;

/// <summary>
/// 交易请求 — a request to the ledger, carrying the client's transaction id. Sending the same id with the same
/// content again returns the first result; the same id with different content is rejected
/// (<see cref="TimeBankRejection.IdConflict"/>).
/// </summary>
/// <remarks>Equality is by value: it is what decides "the same content".
/// Ids beginning with <c>sys:</c> are reserved for the ledger's own transactions (expirations).
/// <para>In JSON a request carries its kind in a <c>"type"</c> member, one of these stable codes: <c>deposit</c>,
/// <c>redemption</c>, <c>gift</c>, <c>donation</c>, <c>pool-allocation</c>, <c>hold</c>, <c>post-hold</c>, <c>void-hold</c>,
/// <c>reversal</c>.</para>
/// <para>The hierarchy is closed: only the requests above exist (a host cannot add one).</para></remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(DepositRequest), "deposit")]
[JsonDerivedType(typeof(RedemptionRequest), "redemption")]
[JsonDerivedType(typeof(GiftRequest), "gift")]
[JsonDerivedType(typeof(DonationRequest), "donation")]
[JsonDerivedType(typeof(PoolAllocationRequest), "pool-allocation")]
[JsonDerivedType(typeof(HoldRequest), "hold")]
[JsonDerivedType(typeof(PostHoldRequest), "post-hold")]
[JsonDerivedType(typeof(VoidHoldRequest), "void-hold")]
[JsonDerivedType(typeof(ReversalRequest), "reversal")]
public abstract record TimeBankRequest
{
    /// <summary>Creates the request (only the library's own requests derive from this type).</summary>
    /// <param name="id">The client's transaction id, unique in the ledger.</param>
    private protected TimeBankRequest(Id<TimeBankTransaction> id) => Id = id;

    /// <summary>The client's transaction id, unique in the ledger.</summary>
    public Id<TimeBankTransaction> Id { get; init; }
}
