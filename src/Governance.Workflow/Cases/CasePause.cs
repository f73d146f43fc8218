namespace Governance.Cases;

/// <summary>暂停 — one pause of a case's SLA clocks, as its history records it.</summary>
/// <param name="Start">When it was paused.</param>
/// <param name="End">When it was resumed; <see langword="null"/> while paused (or if the case finished while paused).</param>
/// <param name="Reason">Why.</param>
public sealed record CasePause(Instant Start, Instant? End, string Reason);
