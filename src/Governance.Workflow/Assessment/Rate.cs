namespace Governance.Assessment;

/// <summary>率 — a rate with its numerator and denominator, so rates of units add up to the district's.</summary>
/// <param name="Numerator">The cases that count for it.</param>
/// <param name="Denominator">The cases it is taken over.</param>
public readonly record struct Rate(int Numerator, int Denominator)
{
    /// <summary>The rate in [0, 1]; null when there is nothing to take it over.</summary>
    public double? Value => Denominator == 0 ? null : (double)Numerator / Denominator;

    /// <summary>The sum of two rates' counts.</summary>
    /// <param name="left">A rate.</param>
    /// <param name="right">Another.</param>
    /// <returns>The rate over both.</returns>
    public static Rate operator +(Rate left, Rate right) => new(left.Numerator + right.Numerator, left.Denominator + right.Denominator);

    /// <summary>The sum of two rates' counts.</summary>
    /// <param name="other">Another rate.</param>
    /// <returns>The rate over both.</returns>
    public Rate Add(Rate other) => this + other;

    /// <inheritdoc />
    public override string ToString() => Value is { } v ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{v:P1} ({Numerator}/{Denominator})") : "— (0/0)";
}
