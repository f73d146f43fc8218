using Governance.People;
using Governance.Resources;
using Governance.Validation;

namespace Governance.TimeBank;

/// <content>Export and restore: everything the ledger holds, written out and read back into an identical ledger.</content>
public sealed partial class TimeBankLedger
{
    /// <summary>
    /// 导出 — everything the ledger holds (after writing the expirations due now): policy, accounts with their people,
    /// relations and every transaction, for <see cref="Restore"/>.
    /// </summary>
    /// <returns>The export; it shares the ledger's immutable transactions.</returns>
    public TimeBankLedgerExport Export()
    {
        lock (_lock)
        {
            Sweep();
            var accounts = new TimeBankExportedAccount[_accountOrder.Count - 2];
            for (var i = 2; i < _accountOrder.Count; i++)
            {
                accounts[i - 2] = new TimeBankExportedAccount(_accountOrder[i].Account, _accountOrder[i].Person);
            }

            // Each registration wrote its two directions one after the other, and a later one only updates them in place:
            // the even places are the relations in the order registered.
            var relations = new List<TimeBankRelation>(_relations.Count / 2);
            var index = 0;
            foreach (var ((person, relative), kind) in _relations)
            {
                if (index++ % 2 == 0)
                {
                    relations.Add(new TimeBankRelation(person, relative, kind));
                }
            }

            return new TimeBankLedgerExport(_policy, accounts, relations, _journal.ToArray(0, _journal.Count));
        }
    }

    /// <summary>
    /// 恢复 — rebuilds the ledger an <see cref="Export"/> (or a write-ahead journal) describes: the same accounts, relations,
    /// transactions with their original timestamps, balances, passbooks, holds, credit lots and id table. The transactions
    /// are applied as the record of what happened, not re-run as requests: no rule is judged again, but each is checked for
    /// being consistent with the ledger before it (known accounts, ids used once, time order, holds pending, balances never
    /// negative), so a corrupt export is refused naming the transaction.
    /// </summary>
    /// <param name="export">What to restore.</param>
    /// <param name="clock">The clock for what follows; the ledger's time never goes back before the last transaction.</param>
    /// <param name="writeAhead">The hook for new changes (not called for the history restored); null for none.</param>
    /// <returns>The ledger.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="export"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="ValidationFailedException">The export is inconsistent; the error's path names the account, relation or transaction.</exception>
    public static TimeBankLedger Restore(TimeBankLedgerExport export, IClock clock, ITimeBankWriteAhead? writeAhead = null)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(clock);
        if (export.Policy is null || export.Accounts is null || export.Relations is null || export.Transactions is null)
        {
            throw Corrupt("$", TimeBankMessages.Text("ExportNeedsPolicyAccountsRelationsTransactions"));
        }

        var ledger = new TimeBankLedger(clock, export.Policy, writeAhead);
        lock (ledger._lock)
        {
            ledger.ImportAccounts(export.Accounts);
            ledger.ImportRelations(export.Relations);
            ledger.ImportTransactions(export.Transactions);
        }

        return ledger;
    }

    private static ValidationFailedException Corrupt(string path, string message) =>
        new(TimeBankMessages.Text("TimeBankLedgerExport"), [new ValidationError(path, message)]);

    private void ImportAccounts(IReadOnlyList<TimeBankExportedAccount> accounts)
    {
        for (var i = 0; i < accounts.Count; i++)
        {
            var path = $"$.accounts[{i}]";
            var (account, person) = accounts[i] ?? throw Corrupt(path, TimeBankMessages.Text("AccountNull"));
            if (account?.Id.Value is not { } id || string.IsNullOrWhiteSpace(account.Name))
            {
                throw Corrupt(path, TimeBankMessages.Text("AccountNeedsIdName"));
            }

            if (id.StartsWith(SystemPrefix, StringComparison.Ordinal) || _accounts.ContainsKey(id))
            {
                throw Corrupt(path, TimeBankMessages.Format("AccountListedTwiceUsesReservedPrefix", id, SystemPrefix));
            }

            var consistent = account.Kind switch
            {
                TimeBankAccountKind.Person => person is not null && person.Id.Value == id && account.Holder == person.Id && account.Name == person.Name,
                TimeBankAccountKind.Group => person is null && account.Holder is null,
                _ => false,
            };
            if (!consistent)
            {
                throw Corrupt(path, TimeBankMessages.Format("AccountMustPersonSAccountPerson", id, account.Kind));
            }

            AddAccount(account, person);
        }
    }

    private void ImportRelations(IReadOnlyList<TimeBankRelation> relations)
    {
        for (var i = 0; i < relations.Count; i++)
        {
            var r = relations[i];
            if (r?.Person.Value is not { } person || r.Relative.Value is not { } relative || person == relative || !Enum.IsDefined(r.Kind)
                || !_accounts.TryGetValue(person, out var a) || a.Account.Kind != TimeBankAccountKind.Person
                || !_accounts.TryGetValue(relative, out var b) || b.Account.Kind != TimeBankAccountKind.Person)
            {
                throw Corrupt($"$.relations[{i}]", TimeBankMessages.Text("RelationNeedsTwoDifferentPeopleAccounts"));
            }

            _relations[(person, relative)] = r.Kind;
            _relations[(relative, person)] = r.Kind;
        }
    }
}
