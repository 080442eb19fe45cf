using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Commissioning.Web.Infrastructure;

/// <summary>
/// Which proxies the site believes when they say the original request was HTTPS
/// (<c>X-Forwarded-Proto</c>) and who sent it (<c>X-Forwarded-For</c>). Only requests arriving from
/// a known proxy or network are believed; anyone else could send the headers. The lists are
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c>
/// (CIDR ranges such as <c>10.0.0.0/8</c>). When neither is set, only the loopback addresses are
/// trusted (a proxy on the same machine). When either is set, exactly the configured ones are.
/// </summary>
public static class TrustedProxies
{
    /// <summary>The configuration key for the list of proxy addresses.</summary>
    public const string ProxiesSetting = "ForwardedHeaders:KnownProxies";

    /// <summary>The configuration key for the list of proxy networks.</summary>
    public const string NetworksSetting = "ForwardedHeaders:KnownNetworks";

    /// <summary>Configures the forwarded headers middleware from configuration.</summary>
    /// <exception cref="InvalidOperationException">An address or network in configuration is not valid.</exception>
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var proxies = Read(configuration, ProxiesSetting, "an IP address such as 10.0.0.5", (string text, out IPAddress address) =>
        {
            var ok = IPAddress.TryParse(text, out var parsed);
            address = parsed ?? IPAddress.None;
            return ok;
        });
        var networks = Read<System.Net.IPNetwork>(configuration, NetworksSetting, "a network such as 10.0.0.0/8", System.Net.IPNetwork.TryParse);

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (proxies.Count == 0 && networks.Count == 0)
            {
                return; // the framework's defaults: 127.0.0.0/8 and ::1
            }

            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }

    private delegate bool TryParse<T>(string text, out T value);

    private static List<T> Read<T>(IConfiguration configuration, string setting, string example, TryParse<T> tryParse)
    {
        var section = configuration.GetSection(setting);
        var values = section.GetChildren().Select(c => (Key: c.Path, c.Value)).ToList();
        if (values.Count == 0 && !string.IsNullOrWhiteSpace(section.Value))
        {
            // Also accept one string with the entries separated by commas or spaces (handy in an environment variable).
            values = [.. section.Value.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => (setting, (string?)v))];
        }

        var parsed = new List<T>();
        foreach (var (key, value) in values)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (!tryParse(value.Trim(), out var item))
            {
                throw new InvalidOperationException($"{key} is '{value}', which is not {example}. Correct it or remove it.");
            }

            parsed.Add(item);
        }

        return parsed;
    }
}
