using System.Globalization;

namespace Governance.Testing;

/// <summary>Runs code under a culture (and UI culture) and restores the thread's cultures after.</summary>
public static class CultureScope
{
    public static void Run(string culture, Action act) => Run(culture, () =>
    {
        act();
        return 0;
    });

    public static T Run<T>(string culture, Func<T> act)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return act();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }
}
