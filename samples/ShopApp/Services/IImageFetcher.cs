namespace ShopApp.Services;

/// <summary>Downloads product images for the catalogue editor.</summary>
public interface IImageFetcher
{
    Task<byte[]> FetchAsync(string url, CancellationToken cancellationToken);

    Task<byte[]> FetchFromCdnAsync(string url, CancellationToken cancellationToken);
}
