namespace Governance.Sla;

/// <summary>时限状态 — the state of one step's SLA at an instant.</summary>
public enum SlaStatus
{
    /// <summary>进行中 — running, before its deadline.</summary>
    Running,

    /// <summary>暂停 — paused (e.g. waiting for the resident to give access), before its deadline.</summary>
    Paused,

    /// <summary>按时完成 — completed at or before its deadline.</summary>
    Met,

    /// <summary>超时完成 — completed after its deadline.</summary>
    MetLate,

    /// <summary>已超时 — not completed and past its deadline.</summary>
    Breached,

    /// <summary>已取消 — the case closed, was rejected, or the step was superseded before it completed.</summary>
    Cancelled,
}
