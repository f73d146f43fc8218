using Governance.Resources;

namespace Governance.People;

/// <summary>人员 — a person known to the community, with the roles they hold.</summary>
/// <remarks>The display name is zh-CN data, never an identifier. Equality is by value of all members; compare <see cref="Id"/> to ask "same person".</remarks>
public sealed record Person
{
    /// <summary>Creates a person.</summary>
    /// <param name="id">Their id.</param>
    /// <param name="name">Their display name; not empty.</param>
    /// <param name="roles">The roles they hold; at least one.</param>
    /// <param name="attributes">Attributes the scoring quotas use.</param>
    /// <param name="birthDate">Their birth date, if known (the time bank's age rules need it).</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is the default id, <paramref name="name"/> is empty, or <paramref name="roles"/> is empty or holds an undefined role.</exception>
    public Person(Id<Person> id, string name, IEnumerable<Role> roles, PersonAttributes attributes = PersonAttributes.None, LocalDate? birthDate = null)
    {
        if (id.Value is null)
        {
            throw new ArgumentException(GovernanceMessages.Format("PersonNeedsIdDefaultEmptyId", name), nameof(id));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(roles);
        var set = roles.ToHashSet();
        if (set.Count == 0)
        {
            throw new ArgumentException(GovernanceMessages.Format("PersonMustHoldLeastOneRole", id, name), nameof(roles));
        }

        foreach (var role in set)
        {
            if (!Enum.IsDefined(role))
            {
                throw new ArgumentException(GovernanceMessages.Format("PersonGivenRoleRole", id, name, (int)role), nameof(roles));
            }
        }

        Id = id;
        Name = name;
        Roles = set;
        Attributes = attributes;
        BirthDate = birthDate;
    }

    /// <summary>Reads a person back from JSON: the roles as they were written.</summary>
    [System.Text.Json.Serialization.JsonConstructor]
    internal Person(Id<Person> id, string name, IReadOnlySet<Role> roles, PersonAttributes attributes = PersonAttributes.None, LocalDate? birthDate = null)
        : this(id, name, (IEnumerable<Role>)roles, attributes, birthDate)
    {
    }

    /// <summary>Their id.</summary>
    public Id<Person> Id { get; }

    /// <summary>Their display name (zh-CN).</summary>
    public string Name { get; }

    /// <summary>The roles they hold.</summary>
    public IReadOnlySet<Role> Roles { get; }

    /// <summary>Attributes the scoring quotas select on.</summary>
    public PersonAttributes Attributes { get; }

    /// <summary>Their birth date, if known.</summary>
    public LocalDate? BirthDate { get; }

    /// <summary>Whether they hold the role.</summary>
    /// <param name="role">The role.</param>
    public bool HasRole(Role role) => Roles.Contains(role);

    /// <summary>Whether they have every one of the attributes.</summary>
    /// <param name="attributes">The attributes.</param>
    public bool Has(PersonAttributes attributes) => (Attributes & attributes) == attributes;

    /// <summary>Value equality: the same id, name, roles (as a set), attributes and birth date.</summary>
    /// <param name="other">The other person.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(Person? other) =>
        other is not null && (ReferenceEquals(this, other) || (Id == other.Id && Name == other.Name && Attributes == other.Attributes
            && BirthDate == other.BirthDate && Roles.SetEquals(other.Roles)));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, Attributes, BirthDate, Roles.Count);
}
