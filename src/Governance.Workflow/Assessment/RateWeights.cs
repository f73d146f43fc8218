using Governance.Resources;

namespace Governance.Assessment;

/// <summary>
/// 三率权重 — how the composite score weighs the three rates. Cities differ; the default is the weighting reported for
/// Beijing's 接诉即办 monthly assessment: 响应率 10 %, 解决率 45 %, 满意率 45 %.
/// </summary>
/// <param name="Response">The response rate's weight.</param>
/// <param name="Resolution">The resolution rate's weight.</param>
/// <param name="Satisfaction">The satisfaction rate's weight.</param>
public sealed record RateWeights(double Response, double Resolution, double Satisfaction)
{
    /// <summary>10 / 45 / 45.</summary>
    public static RateWeights Default { get; } = new(0.10, 0.45, 0.45);

    /// <summary>Checks the weights: each finite and not negative, and not all zero.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative or not finite, or all are zero.</exception>
    public void Validate()
    {
        foreach (var (name, w) in new[] { ("response", Response), ("resolution", Resolution), ("satisfaction", Satisfaction) })
        {
            if (!double.IsFinite(w) || w < 0)
            {
                throw new ArgumentOutOfRangeException(name, w, WorkflowMessages.Format("WeightMustFiniteNumberMore", name));
            }
        }

        if (Response + Resolution + Satisfaction <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Response), WorkflowMessages.Text("LeastOneWeightMustAbove"));
        }
    }
}
