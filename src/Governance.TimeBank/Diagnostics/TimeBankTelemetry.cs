using System.Diagnostics;
using System.Diagnostics.Metrics;
using Governance.TimeBank;

namespace Governance.Diagnostics;

/// <summary>
/// 运行指标 — the meter and activity source of Governance.TimeBank (BCL types, no logging framework). Instruments:
/// <list type="table">
/// <listheader><term>instrument</term><description>what it counts (tags)</description></listheader>
/// <item><term><c>governance.timebank.postings</c></term><description>transactions committed (<c>kind</c>: a <see cref="TimeBankTransactionKind"/>)</description></item>
/// <item><term><c>governance.timebank.rejections</c></term><description>requests rejected (<c>reason</c>: a <see cref="TimeBankRejection"/>)</description></item>
/// </list>
/// Activities: <c>timebank.request</c> around each request (tags <c>transaction.id</c>, <c>request</c>).
/// </summary>
public static class TimeBankTelemetry
{
    /// <summary>The meter's name: <c>Governance.TimeBank</c>.</summary>
    public const string MeterName = "Governance.TimeBank";

    /// <summary>The activity source's name: <c>Governance.TimeBank</c>.</summary>
    public const string ActivitySourceName = "Governance.TimeBank";

    internal static readonly ActivitySource Source = new(ActivitySourceName);

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Postings = Meter.CreateCounter<long>("governance.timebank.postings", "{transaction}", "Time-bank transactions committed, by kind.");
    private static readonly Counter<long> Rejections = Meter.CreateCounter<long>("governance.timebank.rejections", "{request}", "Time-bank requests rejected, by reason.");

    internal static void Posted(TimeBankTransactionKind kind)
    {
        if (Postings.Enabled)
        {
            Postings.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString()));
        }
    }

    internal static void Rejected(TimeBankRejection reason)
    {
        if (Rejections.Enabled)
        {
            Rejections.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString()));
        }
    }
}
