using Clearance.Users;
using Clearance.Web.Users;

namespace Clearance.Web.Tests;

public sealed class ApiKeyCacheClearTests
{
    static readonly ApiKeyGrant Grant = new(new AuthenticatedUser("erp", Role.Sales), null);

    [Fact]
    public async Task A_grant_read_before_a_change_this_instance_made_is_not_cached_after_it()
    {
        var cache = new ApiKeyCache(TimeProvider.System);

        // The change (revocation, role change) lands while the key is being looked up: that lookup's answer is stale.
        var first = await cache.AuthenticateAsync("hash", (_, _) =>
        {
            cache.Clear();
            return Task.FromResult<ApiKeyGrant?>(Grant);
        }, CancellationToken.None);
        var second = await cache.AuthenticateAsync("hash", (_, _) => Task.FromResult<ApiKeyGrant?>(null), CancellationToken.None);

        Assert.Equal(Grant.User, first);
        Assert.Null(second);
    }

    [Fact]
    public async Task A_grant_is_served_from_the_cache_until_cleared()
    {
        var cache = new ApiKeyCache(TimeProvider.System);
        var lookups = 0;
        Task<ApiKeyGrant?> Find(string hash, CancellationToken ct)
        {
            lookups++;
            return Task.FromResult<ApiKeyGrant?>(Grant);
        }

        await cache.AuthenticateAsync("hash", Find, CancellationToken.None);
        await cache.AuthenticateAsync("hash", Find, CancellationToken.None);
        cache.Clear();
        await cache.AuthenticateAsync("hash", Find, CancellationToken.None);

        Assert.Equal(2, lookups);
    }
}
