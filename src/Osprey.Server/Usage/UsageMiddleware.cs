using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Osprey.Server.Api;
using Osprey.Server.Hosting;
using Osprey.Server.Storage;

namespace Osprey.Server.Usage;

/// <summary>
/// Records every API and dashboard request: key, organisation, endpoint pattern, resource id,
/// request and response sizes (counted, not taken from headers), time, client address and
/// fingerprint. Runs after authentication, so the key is known even for refused requests.
/// </summary>
internal sealed class UsageMiddleware(RequestDelegate next, ServerRuntime runtime, UsageRecorder recorder)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var path = http.Request.Path;
        if (!path.StartsWithSegments("/api") && !path.StartsWithSegments("/dashboard"))
        {
            await next(http);
            return;
        }

        var clock = Stopwatch.StartNew();
        var requestBody = new CountingStream(http.Request.Body);
        var responseBody = new CountingStream(http.Response.Body);
        http.Request.Body = requestBody;
        http.Response.Body = responseBody;
        try
        {
            await next(http);
        }
        finally
        {
            http.Request.Body = requestBody.Inner;
            http.Response.Body = responseBody.Inner;
            var caller = Caller.From(http.User);
            var client = ClientIdentity.Of(http);
            var endpoint = http.GetEndpoint() as RouteEndpoint;
            recorder.Record(new UsageRecordEntity
            {
                At = runtime.Now,
                Kind = "request",
                KeyId = caller?.KeyId,
                OrganisationId = caller?.OrganisationId,
                Method = http.Request.Method,
                Endpoint = endpoint?.RoutePattern.RawText ?? "(unmatched)",
                ResourceId = http.Request.RouteValues.Where(v => v.Key.EndsWith("Id", StringComparison.Ordinal)).Select(v => v.Value?.ToString()).FirstOrDefault(),
                StatusCode = http.Response.StatusCode,
                RequestBytes = requestBody.Count,
                ResponseBytes = responseBody.Count,
                DurationMs = clock.Elapsed.TotalMilliseconds,
                ClientAddress = client.Address,
                ClientFingerprint = client.Fingerprint,
            });
        }
    }
}

/// <summary>Counts the bytes that pass through a stream.</summary>
internal sealed class CountingStream(Stream inner) : Stream
{
    public Stream Inner => inner;

    public long Count { get; private set; }

    public override bool CanRead => inner.CanRead;
    public override bool CanSeek => false;
    public override bool CanWrite => inner.CanWrite;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush() => inner.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        Count += read;
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Count += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count)
    {
        inner.Write(buffer, offset, count);
        Count += count;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await inner.WriteAsync(buffer, cancellationToken);
        Count += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
}
