namespace Governance.TimeBank;

/// <summary>服务类别 — whether a service earns credit or is paid for with it.</summary>
public enum ServiceTypeKind
{
    /// <summary>志愿服务 — volunteer service, deposited as credit.</summary>
    Volunteer,

    /// <summary>养老服务 — an elderly-care service, redeemed with credit.</summary>
    ElderlyCare,
}
