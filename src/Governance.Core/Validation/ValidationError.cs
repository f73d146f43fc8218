namespace Governance.Validation;

/// <summary>
/// 校验错误 — one problem found while validating a model or a configuration file.
/// </summary>
/// <param name="Path">Where the problem is: a JSON path such as <c>$.years[1].holidays[0].from</c>, or a model path such as <c>grids[G3]</c>.</param>
/// <param name="Message">What is wrong and what was expected, in words a district engineer understands.</param>
/// <threadsafety>Immutable record: safe to share between threads.</threadsafety>
public sealed record ValidationError(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}
