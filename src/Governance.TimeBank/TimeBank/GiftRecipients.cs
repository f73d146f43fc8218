namespace Governance.TimeBank;

/// <summary>转赠对象 — whom a person may give credit to.</summary>
public enum GiftRecipients
{
    /// <summary>Only a spouse or a direct relative registered with <see cref="TimeBankLedger.RegisterRelation"/>.</summary>
    RelativesOnly,

    /// <summary>Any person with an account ("亲友", Shanghai 时光汇).</summary>
    Anyone,
}
