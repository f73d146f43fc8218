namespace Governance.Testing;

/// <summary>
/// The bad-input audit for public entry points: each probe is a call with bad input, classified as a typed error (the
/// library's <see cref="GovernanceException"/> family, an <see cref="ArgumentException"/> — the documented argument
/// errors, <see cref="Validation.ValidationFailedException"/> among them — or the <see cref="FormatException"/> a
/// <c>Parse</c> method throws by the <see cref="IParsable{TSelf}"/> contract), accepted (silent, when it must be refused), a
/// raw runtime exception (anything else: overflow, a null reference, a BCL or NodaTime exception from inside), or a hang
/// (not done within the bound). A probe may name the state it must leave as it was; a refusal that changed it is a problem
/// too.
/// </summary>
public sealed class EntryPointAudit
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private readonly List<string> _problems = [];
    private int _tried, _typed, _accepted, _raw, _hang, _silent, _changed;

    /// <summary>Calls <paramref name="call"/>, which must be refused with a typed error and leave <paramref name="state"/> as it was.</summary>
    /// <param name="name">What the probe feeds to what, for the report.</param>
    /// <param name="call">The call.</param>
    /// <param name="state">A snapshot of the state the call must not change (JSON, balances …); null for none.</param>
    public void Refused(string name, Action call, Func<string>? state = null) => Probe(name, call, state, mustFail: true);

    /// <summary>Calls <paramref name="call"/>, which may be refused (typed) or accepted, but must not throw raw or hang.</summary>
    /// <param name="name">What the probe feeds to what.</param>
    /// <param name="call">The call.</param>
    public void RefusedOrAccepted(string name, Action call) => Probe(name, call, null, mustFail: false);

    /// <summary>Calls <paramref name="call"/>, which may be refused (typed) or answer; an answer must be sensible.</summary>
    /// <param name="name">What the probe feeds to what.</param>
    /// <param name="call">The call; returns whether its answer is sensible (false counts as silently accepted nonsense).</param>
    public void Sensible(string name, Func<bool> call) => Probe(name, () =>
    {
        if (!call())
        {
            throw new NonsenseAnswer();
        }
    }, null, mustFail: false);

    /// <summary>The audit table so far.</summary>
    public AuditTable Table => new(_tried, _typed, _accepted, _raw, _silent, _hang, _changed, _problems.ToArray());

    private void Probe(string name, Action call, Func<string>? state, bool mustFail)
    {
        _tried++;
        var before = state?.Invoke();
        Exception? error = null;
        var run = Task.Run(() =>
        {
            try
            {
                call();
            }
            catch (Exception e)
            {
                error = e;
            }
        });
        if (!run.Wait(Bound))
        {
            _hang++;
            _problems.Add($"{name}: no answer within {Bound.TotalSeconds} s");
            return;
        }

        switch (error)
        {
            case null:
                _accepted++;
                if (mustFail)
                {
                    _silent++;
                    _problems.Add($"{name}: accepted");
                }

                break;
            case NonsenseAnswer:
                _accepted++;
                _silent++;
                _problems.Add($"{name}: answered nonsense");
                break;
            case GovernanceException or ArgumentException or FormatException:
                _typed++;
                break;
            default:
                _raw++;
                _problems.Add($"{name}: raw {error.GetType().Name}: {error.Message}");
                break;
        }

        if (state is not null && error is not null && state() != before)
        {
            _changed++;
            _problems.Add($"{name}: refused, but the state changed");
        }
    }
}

/// <summary>Thrown by <see cref="EntryPointAudit.Sensible"/> when a call answered nonsense.</summary>
internal sealed class NonsenseAnswer : Exception;

/// <summary>The bad values the audits combine: the edges of each type the public API takes.</summary>
public static class BadValues
{
    /// <summary>Counts and lengths at and beyond the edges.</summary>
    public static readonly int[] Ints = [int.MinValue, -1_000_000, -1, 0, 1, 3650, 3651, 1_000_000, int.MaxValue];

    /// <summary>Dates at the ends of the ISO calendar, of the library's range (1900–2999) and just beyond it.</summary>
    public static readonly LocalDate[] Dates =
    [
        LocalDate.MinIsoValue, new(-1, 6, 1), new(1, 1, 1), new(1899, 12, 31), new(1900, 1, 1), new(2026, 2, 17),
        new(2999, 12, 31), new(3000, 1, 1), new(9999, 12, 31), LocalDate.MaxIsoValue,
    ];

    /// <summary>Instants at the ends of time and of the library's range.</summary>
    public static readonly Instant[] Instants =
    [
        Instant.MinValue, Instant.FromUtc(1, 1, 1, 0, 0), Instant.FromUtc(1899, 12, 31, 23, 59), Instant.FromUtc(2026, 3, 2, 1, 0),
        Instant.FromUtc(3000, 1, 1, 0, 0), Instant.FromUtc(9999, 12, 31, 23, 59), Instant.MaxValue,
    ];

    /// <summary>Durations at and beyond the edges.</summary>
    public static readonly Duration[] Durations =
    [
        Duration.MinValue, Duration.FromDays(-1), Duration.Zero, Duration.FromTicks(1), Duration.FromHours(1), Duration.FromDays(3651),
        Duration.FromDays(16_777_215), Duration.MaxValue,
    ];

    /// <summary>Amounts at and beyond the edges.</summary>
    public static readonly decimal[] Decimals = [decimal.MinValue, -1m, 0m, 0.0000001m, 1m, 1_000_001m, decimal.MaxValue];

    /// <summary>Text that is missing, empty, blank, a lone surrogate, very long or unusual.</summary>
    public static readonly string?[] Texts = [null, "", "   ", "\uD800", "\uDC00x", new string('长', 100_000), "a,b", "sys:x", "\0"];
}

/// <summary>An entry-point audit's table: tried, typed, accepted, raw, silent, hang, and refusals that changed state.</summary>
/// <param name="Tried">Probes run.</param>
/// <param name="Typed">Answered with a typed error.</param>
/// <param name="Accepted">Accepted (silent when they had to be refused).</param>
/// <param name="Raw">Answered with a raw runtime exception.</param>
/// <param name="Silent">Accepted although they had to be refused.</param>
/// <param name="Hang">Not answered within the bound.</param>
/// <param name="Changed">Refused, but the state they were given changed.</param>
/// <param name="Problems">Each problem, for the report.</param>
public sealed record AuditTable(int Tried, int Typed, int Accepted, int Raw, int Silent, int Hang, int Changed, IReadOnlyList<string> Problems)
{
    /// <summary>The goal: no raw exception, nothing silently accepted, no hang, no refusal that changed anything.</summary>
    public bool Clean => Raw + Silent + Hang + Changed == 0;

    /// <summary>Every problem, one a line.</summary>
    public string Report => string.Join("\n", Problems);

    /// <summary>The table's line.</summary>
    public override string ToString() => $"tried {Tried}, typed {Typed}, accepted {Accepted}, raw {Raw}, silent {Silent}, hang {Hang}, changed {Changed}";
}
