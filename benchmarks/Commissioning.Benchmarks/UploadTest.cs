using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Commissioning.Benchmarks;

/// <summary>
/// The 40 ICS-scale response workbooks uploaded through the owner's bids page over HTTP, as a
/// browser sends them (docs/performance.md, "Set-up pages and bid uploads in the site").
/// <c>upload &lt;base-url&gt; &lt;email&gt; &lt;password&gt; &lt;tender-id&gt; [&lt;tender-id&gt; ...]</c>
/// signs in, and for each tender (stored by <c>seed-bids</c>, open for bids with none yet) reads the
/// page's antiforgery token and posts the 40 workbooks of <see cref="ResponseImportBenchmarks.Build"/>
/// in as few requests as the 30 MB limit allows, printing each request's time and how many bids the
/// page says it received.
/// </summary>
public static partial class UploadTest
{
    /// <summary>The most bytes of workbooks the bids page takes in one request (the site's <c>RequestLimits.MaxUploadBytes</c>).</summary>
    public const long MaxUploadBytes = 30L * 1024 * 1024;

    /// <summary>The most workbooks the bids page takes in one request (the site's <c>BidReceiving.MaxWorkbooksAtOnce</c>).</summary>
    public const int MaxWorkbooksAtOnce = 50;

    private const string WorkbookType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Builds the workbooks (not timed), then uploads them to each tender in turn; prints the figures.</summary>
    public static void Run(Uri baseUrl, string email, string password, IReadOnlyList<Guid> tenders, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(tenders);
        ArgumentNullException.ThrowIfNull(output);
        var build = Stopwatch.StartNew();
        var (pack, workbooks) = ResponseImportBenchmarks.Build();
        var lot = pack.Tender.Lots[0].Id;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"built {workbooks.Count} workbooks for {lot} in {build.Elapsed.TotalSeconds:F1} s (not timed): {workbooks.Sum(w => w.Length) / 1024.0 / 1024.0:F2} MB together, {workbooks.Min(w => w.Length) / 1024.0:F0} to {workbooks.Max(w => w.Length) / 1024.0:F0} KB each"));
        var batches = Batches(workbooks);
        if (batches.Count > 1)
        {
            output.WriteLine($"the 40 exceed one request's limits: {batches.Count} requests");
        }

        using var handler = new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(5) };
        LoadTest.SignIn(client, email, password);
        foreach (var tender in tenders)
        {
            var total = TimeSpan.Zero;
            var received = 0;
            var index = 0;
            foreach (var batch in batches)
            {
                var path = $"/tenders/{tender}/bids";
                var page = client.GetStringAsync(path).GetAwaiter().GetResult();
                var token = LoadTest.Token().Match(page).Groups[1].Value;
                if (token.Length == 0)
                {
                    throw new InvalidOperationException($"{path} has no antiforgery token: is the tender open for bids and owned by {email}?");
                }

                using var content = new MultipartFormDataContent();
                content.Add(new StringContent(token), "__RequestVerificationToken");
                foreach (var i in batch)
                {
                    var file = new ByteArrayContent(workbooks[i]);
                    file.Headers.ContentType = new MediaTypeHeaderValue(WorkbookType);
                    content.Add(file, "Upload.Files", string.Create(CultureInfo.InvariantCulture, $"bid-{i + 1:00}.xlsx"));
                }

                var watch = Stopwatch.StartNew();
                using var response = client.PostAsync(path, content).GetAwaiter().GetResult();
                var html = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                var elapsed = watch.Elapsed;
                total += elapsed;
                index++;
                var said = Received().Match(html) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
                received += said;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"tender {tender}, request {index} of {batches.Count}: {batch.Count} workbooks, {(int)response.StatusCode}, {elapsed.TotalMilliseconds:F0} ms, page says {said} received"));
                if (said != batch.Count)
                {
                    foreach (var problem in Problems().Matches(html).Select(p => WebUtility.HtmlDecode(p.Groups[1].Value)).Take(20))
                    {
                        output.WriteLine("  " + problem);
                    }
                }
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"tender {tender}: {received} of {workbooks.Count} received in {total.TotalSeconds:F2} s"));
        }
    }

    /// <summary>The workbooks' indexes split into as few requests as the site's limits allow, in order.</summary>
    private static List<List<int>> Batches(List<byte[]> workbooks)
    {
        var batches = new List<List<int>>();
        var current = new List<int>();
        long bytes = 0;
        for (var i = 0; i < workbooks.Count; i++)
        {
            if (current.Count == MaxWorkbooksAtOnce || (current.Count > 0 && bytes + workbooks[i].Length > MaxUploadBytes))
            {
                batches.Add(current);
                current = [];
                bytes = 0;
            }

            current.Add(i);
            bytes += workbooks[i].Length;
        }

        batches.Add(current);
        return batches;
    }

    [GeneratedRegex("(\\d+) bids? received")]
    private static partial Regex Received();

    [GeneratedRegex("<li[^>]*>([^<]*(?:sheet|cell|Sheet|Cell)[^<]*)</li>")]
    private static partial Regex Problems();
}
