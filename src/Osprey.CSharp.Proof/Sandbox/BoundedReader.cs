using System.Text;

namespace Osprey.CSharp.Proof.Sandbox;

/// <summary>Reads a stream to its end, keeping at most a given number of bytes, so a chatty harness cannot exhaust the host.</summary>
internal static class BoundedReader
{
    public static async Task<string> ReadAsync(Stream stream, int maxBytes)
    {
        var kept = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            var room = maxBytes - (int)kept.Length;
            if (room > 0)
            {
                kept.Write(buffer, 0, Math.Min(room, read));
            }
        }

        return Encoding.UTF8.GetString(kept.GetBuffer(), 0, (int)kept.Length);
    }
}
