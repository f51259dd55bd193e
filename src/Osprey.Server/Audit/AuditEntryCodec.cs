using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Osprey.Server.Storage;

namespace Osprey.Server.Audit;

/// <summary>
/// The canonical form of an audit entry (the bytes hashed into the tree) and of the signed
/// statements: per-entry promises and checkpoints. Signatures are ECDSA P-256 with SHA-256 in
/// IEEE P1363 form, base64.
/// </summary>
internal static class AuditEntryCodec
{
    public static string Encode(long sequence, DateTimeOffset at, AuditEvent e)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("seq", sequence);
            json.WriteNumber("at", at.ToUnixTimeMilliseconds());
            json.WriteString("kind", e.Kind);
            json.WriteString("actor", e.ActorKeyId?.ToString());
            json.WriteString("org", e.OrganisationId?.ToString());
            json.WriteString("subject", e.Subject);
            json.WriteString("client", e.ClientAddress);
            json.WriteStartObject("details");
            foreach (var (key, value) in e.Details.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The parts of an entry the verifier compares with the row's columns.</summary>
    public static (long Sequence, long AtMs, string Kind, string? Actor, string? Org)? Decode(string entry)
    {
        try
        {
            using var doc = JsonDocument.Parse(entry);
            var root = doc.RootElement;
            return (root.GetProperty("seq").GetInt64(), root.GetProperty("at").GetInt64(), root.GetProperty("kind").GetString() ?? "",
                root.GetProperty("actor").GetString(), root.GetProperty("org").GetString());
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    public static byte[] LeafHashOf(string entry) => MerkleTree.LeafHash(Encoding.UTF8.GetBytes(entry));

    public static string SignEntry(ECDsa key, long sequence, string leafHashHex) =>
        Convert.ToBase64String(key.SignData(EntryStatement(sequence, leafHashHex), HashAlgorithmName.SHA256));

    public static bool VerifyEntry(ECDsa key, long sequence, string leafHashHex, string signature) =>
        TryBase64(signature) is { } sig && key.VerifyData(EntryStatement(sequence, leafHashHex), sig, HashAlgorithmName.SHA256);

    public static string SignCheckpoint(ECDsa key, long treeSize, string rootHex, DateTimeOffset at) =>
        Convert.ToBase64String(key.SignData(CheckpointStatement(treeSize, rootHex, at), HashAlgorithmName.SHA256));

    public static bool VerifyCheckpoint(ECDsa key, AuditCheckpointEntity checkpoint) =>
        TryBase64(checkpoint.Signature) is { } sig
        && key.VerifyData(CheckpointStatement(checkpoint.TreeSize, checkpoint.RootHash, checkpoint.CreatedAt), sig, HashAlgorithmName.SHA256);

    /// <summary>The checkpoint text a witness stores and checks: origin, size, root, time.</summary>
    public static string CheckpointText(long treeSize, string rootHex, DateTimeOffset at) =>
        Encoding.UTF8.GetString(CheckpointStatement(treeSize, rootHex, at));

    private static byte[] EntryStatement(long sequence, string leafHashHex) =>
        Encoding.UTF8.GetBytes($"osprey-audit-entry\n{sequence.ToString(CultureInfo.InvariantCulture)}\n{leafHashHex}\n");

    private static byte[] CheckpointStatement(long treeSize, string rootHex, DateTimeOffset at) =>
        Encoding.UTF8.GetBytes($"osprey-audit-checkpoint\n{treeSize.ToString(CultureInfo.InvariantCulture)}\n{rootHex}\n{at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}\n");

    private static byte[]? TryBase64(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
