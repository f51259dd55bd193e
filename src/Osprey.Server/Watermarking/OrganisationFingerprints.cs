using System.Security.Cryptography;
using System.Text;
using Osprey.Server.Hosting;
using Osprey.Server.Scans;

namespace Osprey.Server.Watermarking;

/// <summary>
/// The server's use of output fingerprinting. Each organisation's key is derived from the server's
/// key-hash secret (HMAC-SHA256 over a label and the organisation id), so no new secret is stored
/// and a database dump alone cannot forge or strip attributions. The prose the API returns — a
/// finding's message, its trace step descriptions and its proof's explanation — is marked with the
/// reading organisation's key; identifiers, code, payloads and replay artifacts are left exact.
/// </summary>
internal sealed class OrganisationFingerprints(ServerRuntime runtime)
{
    private const string Label = "osprey-output-fingerprint-v1:";

    private readonly OutputWatermarker _watermarker = new();

    public OrgFingerprintKey KeyOf(Guid organisationId) =>
        new(organisationId.ToString(), HMACSHA256.HashData(runtime.Secrets.KeyHashSecret, Encoding.UTF8.GetBytes(Label + organisationId.ToString("D"))));

    public string Mark(Guid organisationId, string text) => _watermarker.Embed(KeyOf(organisationId), text);

    public FindingDetail Mark(Guid organisationId, FindingDetail detail)
    {
        var key = KeyOf(organisationId);
        return detail with
        {
            Message = _watermarker.Embed(key, detail.Message),
            Trace = detail.Trace.Select(s => s with { Description = _watermarker.Embed(key, s.Description) }).ToList(),
            Proof = detail.Proof is { Explanation: { } explanation } proof ? proof with { Explanation = _watermarker.Embed(key, explanation) } : detail.Proof,
        };
    }

    /// <summary>Names the organisation whose fingerprint <paramref name="text"/> carries, among <paramref name="organisationIds"/>.</summary>
    public FingerprintMatch Identify(string text, IEnumerable<Guid> organisationIds) => _watermarker.Identify(text, organisationIds.Select(KeyOf).ToList());

    /// <summary>The key list for <c>osprey fingerprint identify --keys</c>: <c>org-id base64-secret</c> per line.</summary>
    public string KeyList(IEnumerable<Guid> organisationIds) =>
        string.Concat(organisationIds.Select(id => $"{id:D} {Convert.ToBase64String(KeyOf(id).Secret)}\n"));
}
