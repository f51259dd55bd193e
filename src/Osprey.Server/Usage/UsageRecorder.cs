using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Osprey.Server.Hosting;
using Osprey.Server.Storage;

namespace Osprey.Server.Usage;

/// <summary>
/// Buffers usage records and writes them in batches, so that recording a request does not add a
/// database write to its latency. On graceful shutdown the buffer is flushed; a killed process
/// loses at most the records of its last fraction of a second.
/// </summary>
internal sealed partial class UsageRecorder(ServerRuntime runtime, ILogger<UsageRecorder> logger) : BackgroundService
{
    private readonly Channel<UsageRecordEntity> _channel = Channel.CreateBounded<UsageRecordEntity>(
        new BoundedChannelOptions(100_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Record(UsageRecordEntity record) => _channel.Writer.TryWrite(record);

    /// <summary>Writes everything recorded so far (tests and shutdown).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var batch = new List<UsageRecordEntity>();
        while (_channel.Reader.TryRead(out var record)) batch.Add(record);
        if (batch.Count == 0) return;
        await using var db = runtime.CreateDb();
        db.UsageRecords.AddRange(batch);
        await db.SaveChangesAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _channel.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), stoppingToken);
                await WriteBatchAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await WriteBatchAsync(CancellationToken.None);
    }

    private async Task WriteBatchAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogWriteFailed(ex);
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Writing usage records failed")]
    private partial void LogWriteFailed(Exception ex);
}
