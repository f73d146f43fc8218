using System.Text.Json;
using Governance.Json;
using Governance.Resources;

namespace Governance.TimeBank;

/// <summary>
/// 账本导出 — everything a ledger holds: its policy, the accounts (with the people they belong to), the relations and
/// every transaction with its original timestamp and request, in the ledger's order. <see cref="TimeBankLedger.Restore"/>
/// rebuilds an identical ledger from it.
/// </summary>
/// <remarks>
/// <para>Written with <see cref="GovernanceJson.Options"/> (or any options configured by
/// <see cref="GovernanceJson.ConfigureForGovernance"/>), an export round-trips: export → JSON → restore → export gives the
/// same JSON, byte for byte. The issuing account and the pool are not listed: every ledger has them.</para>
/// <para>Equality is by reference (it holds lists); compare exports by their JSON.</para>
/// </remarks>
/// <param name="Policy">The scheme's rules.</param>
/// <param name="Accounts">The person and team accounts, in the order opened.</param>
/// <param name="Relations">The relations, in the order registered.</param>
/// <param name="Transactions">Every committed transaction, in commit order.</param>
public sealed record TimeBankLedgerExport(
    TimeBankPolicy Policy,
    IReadOnlyList<TimeBankExportedAccount> Accounts,
    IReadOnlyList<TimeBankRelation> Relations,
    IReadOnlyList<TimeBankTransaction> Transactions)
{
    /// <summary>Writes the export as JSON.</summary>
    /// <param name="options">The options; <see cref="GovernanceJson.Options"/> if null.</param>
    /// <returns>The JSON text.</returns>
    public string ToJson(JsonSerializerOptions? options = null) => JsonSerializer.Serialize(this, options ?? GovernanceJson.Options);

    /// <summary>Reads an export written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="options">The options; <see cref="GovernanceJson.Options"/> if null.</param>
    /// <returns>The export.</returns>
    /// <exception cref="JsonException">The JSON is malformed or a required member is missing; the message and <see cref="JsonException.Path"/> say where.</exception>
    public static TimeBankLedgerExport FromJson(string json, JsonSerializerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize<TimeBankLedgerExport>(json, options ?? GovernanceJson.Options)
            ?? throw new JsonException(TimeBankMessages.Text("ExpectedTimeBankLedgerExportWas"));
    }
}
