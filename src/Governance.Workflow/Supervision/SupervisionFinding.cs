namespace Governance.Supervision;

/// <summary>督导发现 — one problem an inspection found, with its rectification item if one was ordered.</summary>
/// <param name="Description">What was found (e.g. 走访记录不实, 上报不及时).</param>
/// <param name="Serious">Whether it is serious (counts double in the default grid-worker rules).</param>
/// <param name="Rectification">The item ordered, if any.</param>
public sealed record SupervisionFinding(string Description, bool Serious = false, RectificationItem? Rectification = null);
