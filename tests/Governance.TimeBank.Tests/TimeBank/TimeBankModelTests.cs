using FsCheck.Xunit;
using Governance.TimeBank;
using Interval = NodaTime.Interval;
using static Governance.Tests.TimeBank.TimeBankFixture;

namespace Governance.Tests.TimeBank;

/// <summary>
/// Random operations against a reference model that keeps only balances, holds and the id table. After every step
/// the ledger's balances equal the model's and the invariants hold; a rejected operation changes nothing.
/// </summary>
public class TimeBankModelTests
{
    private const long Cap = 20 * 60;
    private static readonly LocalDate ServiceDate = new(2026, 3, 2);
    private static readonly string[] Persons = [Wang.Id.Value, Li.Id.Value, Son.Id.Value, Zhao.Id.Value];
    private static readonly string[] Owners = [.. Persons, Team.Value];
    private static readonly string[] All = [.. Owners, TimeBankLedger.PoolAccountId.Value, TimeBankLedger.IssuingAccountId.Value];

    /// <summary>One generated operation: a kind and enough numbers to build any request.</summary>
    public sealed record Op(int Kind, int A, int B, int Amount, int Extra)
    {
        public override string ToString() => $"{Kind}({A},{B},{Amount},{Extra})";
    }

    private static readonly Gen<Op> Ops =
        from kind in Gen.Frequency((4, Gen.Constant(0)), (2, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Constant(3)), (1, Gen.Constant(4)),
            (2, Gen.Constant(5)), (2, Gen.Constant(6)), (1, Gen.Constant(7)), (1, Gen.Constant(8)), (2, Gen.Constant(9)), (2, Gen.Constant(10)), (1, Gen.Constant(11)))
        from a in Gen.Choose(0, 4)
        from b in Gen.Choose(0, 4)
        from amount in Gen.Frequency((4, Gen.Choose(1, 300)), (1, Gen.Choose(301, 1500)))
        from extra in Gen.Choose(0, 1000)
        select new Op(kind, a, b, amount, extra);

    internal static readonly Gen<(Op[] Ops, bool Reject)> Scripts =
        from ops in Gen.ArrayOf(Ops)
        from reject in Gen.Elements(true, false)
        select (ops.Take(60).ToArray(), reject);

    private sealed class Model(bool rejectExcess)
    {
        public readonly Dictionary<string, long> Posted = All.ToDictionary(a => a, _ => 0L);
        public readonly Dictionary<string, long> Held = All.ToDictionary(a => a, _ => 0L);
        public readonly Dictionary<string, (TimeBankRequest Request, TimeBankTransactionKind Kind, (string From, string To, long Amount)[] Legs)> Done = [];
        public readonly Dictionary<string, (string Holder, long Amount, Instant Expires, string Status)> Holds = [];
        public readonly HashSet<string> Reversed = [];
        public Instant Now = Start;

        private static readonly HashSet<(string, string)> Related =
            [(Wang.Id.Value, Li.Id.Value), (Li.Id.Value, Wang.Id.Value), (Wang.Id.Value, Son.Id.Value), (Son.Id.Value, Wang.Id.Value)];

        private static bool Old(string p) => p != Son.Id.Value;

        private long Available(string a) => Posted[a] - Held[a];

        public void Expire()
        {
            foreach (var (id, h) in Holds.ToArray())
            {
                if (h.Status == "pending" && h.Expires <= Now)
                {
                    Holds[id] = h with { Status = "expired" };
                    Held[h.Holder] -= h.Amount;
                }
            }
        }

        /// <summary>Applies the request if the rules allow; returns whether it was accepted.</summary>
        public bool Apply(TimeBankRequest request)
        {
            Expire();
            if (Done.TryGetValue(request.Id.Value, out var done))
            {
                return done.Request.Equals(request);
            }

            List<(string From, string To, long Amount)> legs = [];
            TimeBankTransactionKind kind;
            switch (request)
            {
                case DepositRequest d:
                    kind = TimeBankTransactionKind.Deposit;
                    var credit = (long)d.Service.Period.Duration.TotalMinutes;
                    if (!Credit("sys:issuing", d.Account.Value, credit, legs))
                    {
                        return false;
                    }

                    break;
                case RedemptionRequest r:
                    kind = TimeBankTransactionKind.Redemption;
                    if (!CareAllowed(r.Holder.Value, r.Recipient.Value) || Available(r.Holder.Value) < r.Amount.Minutes)
                    {
                        return false;
                    }

                    legs.Add((r.Holder.Value, "sys:issuing", r.Amount.Minutes));
                    break;
                case GiftRequest g:
                    kind = TimeBankTransactionKind.Gift;
                    if (!Persons.Contains(g.From.Value) || !Persons.Contains(g.To.Value) || g.From == g.To || !Related.Contains((g.From.Value, g.To.Value)))
                    {
                        return false;
                    }

                    if (!Credit(g.From.Value, g.To.Value, g.Amount.Minutes, legs) || Available(g.From.Value) < g.Amount.Minutes)
                    {
                        return false;
                    }

                    break;
                case DonationRequest n:
                    kind = TimeBankTransactionKind.Donation;
                    if (Available(n.From.Value) < n.Amount.Minutes)
                    {
                        return false;
                    }

                    legs.Add((n.From.Value, "sys:pool", n.Amount.Minutes));
                    break;
                case PoolAllocationRequest p:
                    kind = TimeBankTransactionKind.PoolAllocation;
                    if (p.Claims.Any(c => !Persons.Contains(c.Account.Value) || !Old(c.Account.Value)) || Available("sys:pool") <= 0)
                    {
                        return false;
                    }

                    var left = Available("sys:pool");
                    foreach (var c in p.Claims.Where(c => c.Account == Acc(Zhao)).Concat(p.Claims.Where(c => c.Account != Acc(Zhao))))
                    {
                        var give = Math.Min(Math.Min(c.Amount.Minutes, left), Math.Max(0, Cap - Posted[c.Account.Value]));
                        if (give > 0)
                        {
                            legs.Add(("sys:pool", c.Account.Value, give));
                            left -= give;
                        }
                    }

                    if (legs.Count == 0)
                    {
                        return false;
                    }

                    break;
                case HoldRequest h:
                    if (!CareAllowed(h.Holder.Value, h.Recipient.Value) || Available(h.Holder.Value) < h.Amount.Minutes)
                    {
                        return false;
                    }

                    Held[h.Holder.Value] += h.Amount.Minutes;
                    Holds[h.Id.Value] = (h.Holder.Value, h.Amount.Minutes, h.Expires, "pending");
                    Done[h.Id.Value] = (h, TimeBankTransactionKind.Hold, []);
                    return true;
                case PostHoldRequest ph:
                    if (!Holds.TryGetValue(ph.Hold.Value, out var hold) || hold.Status != "pending" || (ph.Amount?.Minutes ?? hold.Amount) > hold.Amount)
                    {
                        return false;
                    }

                    kind = TimeBankTransactionKind.HoldPosted;
                    Held[hold.Holder] -= hold.Amount;
                    Holds[ph.Hold.Value] = hold with { Status = "posted" };
                    legs.Add((hold.Holder, "sys:issuing", ph.Amount?.Minutes ?? hold.Amount));
                    break;
                case VoidHoldRequest v:
                    if (!Holds.TryGetValue(v.Hold.Value, out var voided) || voided.Status != "pending")
                    {
                        return false;
                    }

                    Held[voided.Holder] -= voided.Amount;
                    Holds[v.Hold.Value] = voided with { Status = "voided" };
                    Done[v.Id.Value] = (v, TimeBankTransactionKind.HoldVoided, []);
                    return true;
                case ReversalRequest x:
                    kind = TimeBankTransactionKind.Reversal;
                    if (!Done.TryGetValue(x.Original.Value, out var original) || Reversed.Contains(x.Original.Value)
                        || original.Kind is TimeBankTransactionKind.Hold or TimeBankTransactionKind.HoldVoided or TimeBankTransactionKind.Reversal)
                    {
                        return false;
                    }

                    legs.AddRange(original.Legs.Select(l => (l.To, l.From, l.Amount)));
                    var after = new Dictionary<string, long>(Posted);
                    foreach (var (from, to, amount) in legs)
                    {
                        after[from] -= amount;
                        after[to] += amount;
                    }

                    if (after.Any(kv => kv.Key != "sys:issuing" && kv.Value - Held[kv.Key] < 0)
                        || after.Any(kv => Persons.Contains(kv.Key) && kv.Value > Posted[kv.Key] && kv.Value > Cap))
                    {
                        return false;
                    }

                    Reversed.Add(x.Original.Value);
                    break;
                default:
                    return false;
            }

            foreach (var (from, to, amount) in legs)
            {
                Posted[from] -= amount;
                Posted[to] += amount;
            }

            Done[request.Id.Value] = (request, kind, legs.ToArray());
            return true;
        }

        private bool CareAllowed(string holder, string recipient) =>
            Persons.Contains(holder) && Persons.Contains(recipient) && (holder == recipient || Related.Contains((holder, recipient))) && Old(recipient);

        private bool Credit(string from, string to, long amount, List<(string, string, long)> legs)
        {
            var room = Persons.Contains(to) ? Math.Max(0, Cap - Posted[to]) : long.MaxValue;
            if (amount <= room)
            {
                legs.Add((from, to, amount));
                return true;
            }

            if (rejectExcess)
            {
                return false;
            }

            if (room > 0)
            {
                legs.Add((from, to, room));
            }

            legs.Add((from, "sys:pool", amount - room));
            return true;
        }
    }

    internal static TimeBankRequest Build(Op op, int step, List<TimeBankRequest> history, Instant now)
    {
        var id = $"T{step}";
        var owner = Owners[op.A];
        var person = Persons[op.A % 4];
        var other = Persons[op.B % 4];
        var amount = TimeCredit.FromMinutes(op.Amount);
        var holds = history.OfType<HoldRequest>().ToList();
        return op.Kind switch
        {
            0 => new DepositRequest(id, owner, new ServiceRecord(ServiceType.HomeVisit, new Interval(now - Duration.FromDays(1), now - Duration.FromDays(1) + Duration.FromMinutes(Math.Min(op.Amount, 1440)))), "JL-GW1"),
            1 => new RedemptionRequest(id, person, other, ServiceType.HomeCare, ServiceDate, amount),
            2 => new GiftRequest(id, person, other, amount),
            3 => new DonationRequest(id, owner, amount),
            4 => new PoolAllocationRequest(id, [new PoolClaim(person, amount), .. op.A % 4 != op.B % 4 ? [new PoolClaim(other, TimeCredit.FromMinutes(op.Extra + 1))] : Array.Empty<PoolClaim>()]),
            5 => new HoldRequest(id, person, other, ServiceType.HomeCare, ServiceDate, amount, now + Duration.FromMinutes(op.Extra + 1)),
            6 => new PostHoldRequest(id, holds.Count == 0 ? "none" : holds[op.Extra % holds.Count].Id, op.B == 0 ? null : TimeCredit.FromMinutes(op.Amount / 2 + 1)),
            7 => new VoidHoldRequest(id, holds.Count == 0 ? "none" : holds[op.Extra % holds.Count].Id),
            8 => new ReversalRequest(id, history.Count == 0 ? "none" : history[op.Extra % history.Count].Id, "登记错误"),
            9 or 10 when history.Count > 0 => history[op.Extra % history.Count], // a client's retry
            11 when history.Count > 0 => history[op.Extra % history.Count] switch
            {
                DepositRequest d => d with { VerifiedBy = "someone-else" },
                var r => new DonationRequest(r.Id, owner, amount), // same id, different content
            },
            _ => new DonationRequest(id, owner, amount),
        };
    }

    private static bool Run((Op[] Ops, bool Reject) script)
    {
        var policy = new TimeBankPolicy { StorageCap = TimeCredit.FromMinutes(Cap), ExcessHandling = script.Reject ? ExcessCreditHandling.Reject : ExcessCreditHandling.DonateToPool };
        var (ledger, clock) = Create(policy);
        var model = new Model(script.Reject);
        var history = new List<TimeBankRequest>();
        for (var step = 0; step < script.Ops.Length; step++)
        {
            var op = script.Ops[step];
            if (op.Kind == 10 && op.Extra % 3 == 0)
            {
                // Let time pass so that holds expire.
                clock.Advance(Duration.FromMinutes(op.Amount));
                model.Now = clock.GetCurrentInstant();
                continue;
            }

            var request = Build(op, step, history, clock.GetCurrentInstant());
            ledger.ProcessExpirations();
            var before = Snapshot(ledger);
            var expected = model.Apply(request);
            bool accepted;
            try
            {
                ledger.Execute(request);
                accepted = true;
            }
            catch (Exception e) when (e is TimeBankRejectedException or ArgumentException)
            {
                accepted = false;
                if (Snapshot(ledger) != before)
                {
                    return false;
                }
            }

            if (accepted != expected)
            {
                throw new InvalidOperationException($"step {step} {request}: ledger {(accepted ? "accepted" : "rejected")}, model {(expected ? "accepted" : "rejected")}");
            }

            if (accepted && !history.Any(h => h.Id == request.Id))
            {
                history.Add(request);
            }

            foreach (var account in All)
            {
                var balance = ledger.BalanceOf(account);
                if (balance.Posted.Minutes != model.Posted[account] || balance.Held.Minutes != model.Held[account])
                {
                    throw new InvalidOperationException($"step {step} {request}: {account} ledger {balance}, model {model.Posted[account]}/{model.Held[account]}");
                }

                if (account != "sys:issuing" && balance.Available < TimeCredit.Zero)
                {
                    return false;
                }

                if (Persons.Contains(account) && balance.Posted.Minutes > Cap)
                {
                    return false;
                }
            }

            if (Sum(ledger) != 0)
            {
                return false;
            }
        }

        return true;
    }

    private static string Snapshot(TimeBankLedger ledger) =>
        $"{ledger.Transactions.Count}|{string.Join(",", All.Select(a => ledger.BalanceOf(a)))}";

    [Property(MaxTest = 300)]
    public Property Random_operations_agree_with_the_reference_model_and_keep_every_invariant() =>
        Prop.ForAll(Scripts.ToArbitrary(), Run);
}
