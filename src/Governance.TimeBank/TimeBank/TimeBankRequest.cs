namespace Governance.TimeBank;

/// <summary>
/// 交易请求 — a request to the ledger, carrying the client's transaction id. Sending the same id with the same
/// content again returns the first result; the same id with different content is rejected
/// (<see cref="TimeBankRejection.IdConflict"/>).
/// </summary>
/// <remarks>Equality is by value: it is what decides "the same content".
/// Ids beginning with <c>sys:</c> are reserved for the ledger's own transactions (expirations).</remarks>
/// <param name="Id">The client's transaction id, unique in the ledger.</param>
public abstract record TimeBankRequest(Id<TimeBankTransaction> Id);
