using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Tests.Web;

/// <summary>
/// The site on real Kestrel on a free loopback port, for what the in-memory server cannot show:
/// the headers Kestrel itself adds, request bodies as a client streams them, and requests that
/// genuinely arrive from the loopback address.
/// </summary>
internal static class KestrelSite
{
    /// <summary>Starts the factory's site on Kestrel and returns a client for it that keeps no cookies and follows no redirects.</summary>
    public static HttpClient Start(WebApplicationFactory<Program> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
#pragma warning disable CA2000 // the client disposes the handler
        var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false };
#pragma warning restore CA2000
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = new Uri(address) };
    }
}
