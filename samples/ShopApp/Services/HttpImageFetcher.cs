namespace ShopApp.Services;

public sealed class HttpImageFetcher(IHttpClientFactory httpClientFactory) : IImageFetcher
{
    private static readonly string[] CdnHosts = ["cdn.shop.local", "images.shop.local"];

    public async Task<byte[]> FetchAsync(string url, CancellationToken cancellationToken)
    {
        var client = httpClientFactory.CreateClient("images");
        return await client.GetByteArrayAsync(url, cancellationToken); // VULN V08
    }

    public async Task<byte[]> FetchFromCdnAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || uri.Scheme != Uri.UriSchemeHttps
            || !CdnHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException("Images must come from the shop CDN.", nameof(url));
        }

        var client = httpClientFactory.CreateClient("images");
        return await client.GetByteArrayAsync(uri, cancellationToken); // SAFE S10
    }
}
