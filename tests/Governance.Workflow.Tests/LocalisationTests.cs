using Governance.Cases;
using Governance.Sla;
using Governance.Validation;
using Governance.Testing;
using static Governance.Testing.SeedCommunities;

namespace Governance.Tests;

/// <summary>Refusal and validation messages follow the current UI culture: English by default, zh-CN shipped beside it.</summary>
public class LocalisationTests
{
    [Fact]
    public void A_refusal_reads_in_Chinese_under_zh_CN_and_in_English_otherwise()
    {
        var workflow = new CaseWorkflow(JiuLong());
        var t0 = Instant.FromUtc(2026, 3, 2, 1, 0);
        var c = workflow.Register(new CaseRegistration("l10n", CaseSource.ResidentReport, CaseCategory.Parking, new CaseLocation(Grid(1)), "乱停车", t0));
        string Refusal() => Assert.Throws<CaseCommandRejectedException>(() => c.Resolve(GridWorker(1), t0 + Duration.FromMinutes(1))).Message;

        var zh = CultureScope.Run("zh-CN", Refusal);
        Assert.Contains("被拒绝", zh);
        Assert.Contains("当前允许", zh);
        Assert.Contains("l10n", zh);
        var en = CultureScope.Run("en-US", Refusal);
        Assert.Contains("was refused", en);
        Assert.Contains("Permitted now", en);

        var invalid = CultureScope.Run("zh-CN", () => Assert.Throws<ValidationFailedException>(() => SlaPolicyJson.Parse("{}")).Message);
        Assert.Contains("无效", invalid);
        Assert.Contains("$.policies", invalid);
    }

    [Fact]
    public void The_reason_of_a_refusal_reads_in_Chinese_too()
    {
        var workflow = new CaseWorkflow(JiuLong());
        var t0 = Instant.FromUtc(2026, 3, 2, 1, 0);
        var c = workflow.Register(new CaseRegistration("l10n-2", CaseSource.ResidentReport, CaseCategory.Parking, new CaseLocation(Grid(1)), "乱停车", t0));
        c.Respond(GridWorker(1), t0 + Duration.FromMinutes(1));
        c.Claim(GridWorker(1), t0 + Duration.FromMinutes(2));

        var noReason = CultureScope.Run("zh-CN", () => Assert.Throws<ArgumentException>(() => c.Escalate(GridWorker(1), t0 + Duration.FromMinutes(3), " ")).Message);
        Assert.Contains("上报须说明理由：为什么本级无法解决该事件。", noReason);
        var notClaimant = CultureScope.Run("zh-CN", () => Assert.Throws<CaseCommandRejectedException>(() => c.Resolve(GridWorker(2), t0 + Duration.FromMinutes(3))).Message);
        Assert.Contains("只有认领人（“" + GridWorker(1) + "”）可以解决该事件", notClaimant);
        var english = CultureScope.Run("en-US", () => Assert.Throws<CaseCommandRejectedException>(() => c.Resolve(GridWorker(2), t0 + Duration.FromMinutes(3))).Message);
        Assert.Contains("only the claimant ('" + GridWorker(1) + "') may resolve the case", english);

        var typo = CultureScope.Run("zh-CN", () => Assert.Throws<ValidationFailedException>(() => SlaPolicyJson.Parse("""{"policies": [], "resolv": 3}""")).Message);
        Assert.Contains("此处没有该成员", typo);
    }
}
