namespace Osprey.Server.Disclosure;

/// <summary>Who receives a report. <see cref="Id"/> is the pacing key: one per maintainer, across assets.</summary>
internal sealed record MaintainerContact
{
    /// <summary>Stable identity of the maintainer (e.g. the project's security address), used to pace reports.</summary>
    public required string Id { get; init; }

    /// <summary>Display name: a project team or a person.</summary>
    public required string Name { get; init; }

    /// <summary>Where reports go: an address, or a security-advisory URL.</summary>
    public required string Channel { get; init; }
}
