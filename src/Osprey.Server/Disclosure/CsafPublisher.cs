namespace Osprey.Server.Disclosure;

/// <summary>Who publishes the advisories: the operator of the Osprey service.</summary>
/// <param name="Name">Publisher name, e.g. <c>Example Security Research</c>.</param>
/// <param name="Namespace">The publisher's URL, e.g. <c>https://security.example.org</c>.</param>
/// <param name="ContactDetails">How to reach the publisher.</param>
internal sealed record CsafPublisher(string Name, Uri Namespace, string ContactDetails);
