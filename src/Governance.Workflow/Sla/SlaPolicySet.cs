using Governance.Cases;
using Governance.Resources;
using Governance.Validation;

namespace Governance.Sla;

/// <summary>时限策略集 — policies matched in order (first match wins), with a default for cases no policy matches.</summary>
public sealed class SlaPolicySet
{
    /// <summary>Creates a set.</summary>
    /// <param name="policies">The policies, in matching order.</param>
    /// <param name="fallback">The policy for cases none matches; <see cref="SlaPolicy.Default"/> if null.</param>
    /// <exception cref="ValidationFailedException">A policy's thresholds are not ascending percentages from 1 to 99.</exception>
    public SlaPolicySet(IEnumerable<SlaPolicy> policies, SlaPolicy? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(policies);
        Policies = policies.ToArray();
        Fallback = fallback ?? SlaPolicy.Default;
        var errors = new List<ValidationError>();
        for (var i = 0; i < Policies.Count; i++)
        {
            (Policies[i] ?? throw new ArgumentNullException(nameof(policies), WorkflowMessages.Format("PoliciesNull", i))).Validate($"$.policies[{i}]", errors);
        }

        Fallback.Validate("$.default", errors);
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(WorkflowMessages.Text("SLAPolicySet"), errors);
        }
    }

    /// <summary>The policies, in matching order.</summary>
    public IReadOnlyList<SlaPolicy> Policies { get; }

    /// <summary>The policy for cases none matches.</summary>
    public SlaPolicy Fallback { get; }

    /// <summary>Only the seeds' default policy.</summary>
    public static SlaPolicySet Default { get; } = new([]);

    /// <summary>Every policy of the set, the fallback last.</summary>
    internal IEnumerable<SlaPolicy> All => Policies.Append(Fallback);

    /// <summary>The first policy that matches, or the fallback.</summary>
    /// <param name="category">The case's category.</param>
    /// <param name="priority">Its priority.</param>
    /// <param name="source">Its source.</param>
    /// <returns>The policy.</returns>
    public SlaPolicy Match(CaseCategory category, Priority priority, CaseSource source)
    {
        foreach (var policy in Policies)
        {
            if (policy.Matches(category, priority, source))
            {
                return policy;
            }
        }

        return Fallback;
    }
}
