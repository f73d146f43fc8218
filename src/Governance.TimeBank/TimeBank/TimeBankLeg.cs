using System.Text.Json.Serialization;

namespace Governance.TimeBank;

/// <summary>分录 — one leg of a transaction: an amount from one account to another.</summary>
/// <remarks>Equality is by value.</remarks>
/// <param name="Debit">The account debited (or whose credit is reserved or released).</param>
/// <param name="Credit">The account credited (for a hold: the account the credit is reserved for).</param>
/// <param name="Amount">The amount; positive.</param>
/// <param name="Kind">Posted, held or released.</param>
public readonly record struct TimeBankLeg(
    [property: JsonRequired] Id<TimeBankAccount> Debit,
    [property: JsonRequired] Id<TimeBankAccount> Credit,
    [property: JsonRequired] TimeCredit Amount,
    [property: JsonRequired] TimeBankLegKind Kind);
