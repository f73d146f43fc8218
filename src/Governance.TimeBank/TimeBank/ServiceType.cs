using Governance.Resources;

namespace Governance.TimeBank;

/// <summary>
/// 服务项目 — a kind of service with its conversion rate: how many minutes of credit one hour of it
/// earns (volunteer service) or, for care, is a tariff the host applies when pricing a redemption.
/// </summary>
/// <remarks>Equality is by value. In JSON <c>{"id", "name", "kind", "creditMinutesPerHour"}</c>. The default rate is 60 minutes of credit per hour ("1 hour = 1 time coin").</remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(ServiceTypeJsonConverter))]
public sealed record ServiceType
{
    /// <summary>Creates a service type.</summary>
    /// <param name="id">Its code, e.g. <c>"visit"</c>.</param>
    /// <param name="name">Its zh-CN display name, e.g. <c>"上门探访"</c>.</param>
    /// <param name="kind">Whether it earns credit or is redeemed with it.</param>
    /// <param name="creditMinutesPerHour">Minutes of credit per hour of service; 1–6000, 60 by default.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="creditMinutesPerHour"/> is outside 1–6000.</exception>
    public ServiceType(Id<ServiceType> id, string name, ServiceTypeKind kind, int creditMinutesPerHour = 60)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (creditMinutesPerHour is < 1 or > 6000)
        {
            throw new ArgumentOutOfRangeException(nameof(creditMinutesPerHour), creditMinutesPerHour,
                TimeBankMessages.Format("ServiceTypeNeedsConversionRateMinutes", id));
        }

        Id = id;
        Name = name;
        Kind = kind;
        CreditMinutesPerHour = creditMinutesPerHour;
    }

    /// <summary>Its code.</summary>
    public Id<ServiceType> Id { get; }

    /// <summary>Its zh-CN display name.</summary>
    public string Name { get; }

    /// <summary>Whether it earns credit or is redeemed with it.</summary>
    public ServiceTypeKind Kind { get; }

    /// <summary>Minutes of credit per hour of service.</summary>
    public int CreditMinutesPerHour { get; }

    /// <summary>The credit earned by <paramref name="service"/> of this type: whole minutes of service times the rate, rounded down.</summary>
    /// <param name="service">The length of the service; seconds beyond the last whole minute do not count.</param>
    /// <returns>The credit.</returns>
    public TimeCredit CreditFor(Duration service) => new((long)Math.Floor(service.TotalMinutes) * CreditMinutesPerHour / 60);

    /// <summary>上门探访 — a volunteer's home visit to an elderly resident (1 hour = 60 minutes of credit).</summary>
    public static ServiceType HomeVisit { get; } = new("volunteer-visit", "上门探访", ServiceTypeKind.Volunteer);

    /// <summary>社区志愿服务 — general community volunteer service (1 hour = 60 minutes of credit).</summary>
    public static ServiceType CommunityService { get; } = new("volunteer-community", "社区志愿服务", ServiceTypeKind.Volunteer);

    /// <summary>居家养老服务 — home-based care from the care centre, redeemed with credit.</summary>
    public static ServiceType HomeCare { get; } = new("care-home", "居家养老服务", ServiceTypeKind.ElderlyCare);

    /// <summary>助老大食堂 — a meal at the elderly canteen, redeemed with credit.</summary>
    public static ServiceType CanteenMeal { get; } = new("care-canteen", "助老大食堂用餐", ServiceTypeKind.ElderlyCare);
}
