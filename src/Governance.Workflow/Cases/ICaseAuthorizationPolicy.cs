using Governance.Organisation;
using Governance.People;

namespace Governance.Cases;

/// <summary>授权策略 — who may fire which trigger on which case. Replace <see cref="DefaultCaseAuthorizationPolicy"/> to change the rules.</summary>
public interface ICaseAuthorizationPolicy
{
    /// <summary>Decides whether <paramref name="actor"/> may execute <paramref name="command"/> on <paramref name="case"/>.</summary>
    /// <param name="case">The case, in its current state.</param>
    /// <param name="command">The command.</param>
    /// <param name="actor">The person acting.</param>
    /// <param name="organisation">The organisation model (grids, assignments).</param>
    /// <returns>The decision; it must not change anything.</returns>
    AuthorizationDecision Authorize(Case @case, CaseCommand command, Person actor, OrganisationModel organisation);
}
