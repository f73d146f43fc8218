using Governance.Calendars;
using Governance.Organisation;
using Governance.Testing;
using Governance.Validation;

namespace Governance.Tests.Validation;

/// <summary>Core's validation messages give their detail in the current UI culture: English by default, zh-CN beside it.</summary>
public class LocalisationTests
{
    [Fact]
    public void A_loader_names_the_path_and_explains_in_Chinese_under_zh_CN()
    {
        var zh = CultureScope.Run("zh-CN", () => Assert.Throws<ValidationFailedException>(() => BusinessCalendarJson.Parse("""{"weekend": ["Sunday", "Sunday"], "workingHours": [], "holidays": [], "makeUpWorkingDays": []}""")));
        var en = CultureScope.Run("en-US", () => Assert.Throws<ValidationFailedException>(() => BusinessCalendarJson.Parse("""{"weekend": ["Sunday", "Sunday"], "workingHours": [], "holidays": [], "makeUpWorkingDays": []}""")));

        Assert.Contains("工作日历 JSON无效", zh.Message);
        Assert.Contains("同一天被列出两次", zh.Message);
        Assert.Contains("a day is listed twice", en.Message);
        Assert.Equal(en.Errors.Select(e => e.Path), zh.Errors.Select(e => e.Path));
    }

    [Fact]
    public void An_organisation_model_error_reads_in_Chinese_under_zh_CN()
    {
        var zh = CultureScope.Run("zh-CN", () => Assert.Throws<ValidationFailedException>(() =>
            new OrganisationModelBuilder().Add(new Grid("G-1", "一网格", "C-NOWHERE", GridKind.Basic)).Build()).Message);

        Assert.Contains("组织架构无效", zh);
        Assert.Contains("网格“一网格”隶属的社区“C-NOWHERE”不在组织架构中", zh);
    }

    [Fact]
    public void Values_in_a_message_are_formatted_the_same_in_every_language()
    {
        var calendar = ChinaCalendar.Mainland;
        var zh = CultureScope.Run("zh-CN", () => Assert.ThrowsAny<ArgumentException>(() => calendar.AddWorkingDays(new LocalDate(9999, 12, 31), 1)).Message);

        Assert.Contains("9999-12-31", zh);
        Assert.Contains("超出了工作日历覆盖的日期", zh);
    }
}
