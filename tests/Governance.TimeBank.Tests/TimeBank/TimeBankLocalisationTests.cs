using Governance.Testing;
using Governance.TimeBank;
using static Governance.Tests.TimeBank.TimeBankFixture;

namespace Governance.Tests.TimeBank;

/// <summary>A rejection's reason, not only its frame, reads in the current UI culture: English by default, zh-CN beside it.</summary>
public class TimeBankLocalisationTests
{
    [Fact]
    public void A_rejection_gives_its_reason_in_Chinese_under_zh_CN()
    {
        var (ledger, _) = Create();
        string Rejection() => Assert.Throws<TimeBankRejectedException>(() => ledger.Execute(new GiftRequest("g-1", Acc(Wang), Acc(Li), TimeCredit.FromHours(1)))).Message;

        var zh = CultureScope.Run("zh-CN", Rejection);
        Assert.Contains("时间银行交易“g-1”被拒绝", zh);
        Assert.Contains("可用 0m（已入账 0m，冻结 0m）；本交易还需 1h00m", zh);
        var en = CultureScope.Run("en-US", Rejection);
        Assert.Contains("'P-WANG' has 0m available (0m posted, 0m held); the transaction needs 1h00m.", en);
    }

    [Fact]
    public void A_malformed_amount_is_explained_in_Chinese_under_zh_CN()
    {
        var zh = CultureScope.Run("zh-CN", () => Assert.Throws<FormatException>(() => TimeCredit.Parse("1 hour", null)).Message);

        Assert.Equal("“1 hour”不是时间币数额，如 1h30m、2h、45m 或 -1h05m。", zh);
    }
}
