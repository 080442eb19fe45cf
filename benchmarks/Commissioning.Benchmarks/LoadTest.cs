using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Commissioning.Application.Tenders;
using Commissioning.Core.Files;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Tenders;
using Commissioning.Data;
using Commissioning.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Benchmarks;

/// <summary>
/// The site under load, over HTTP as browsers reach it (docs/performance.md, "The site under load").
/// <c>seed-load &lt;sqlite-file&gt;</c> (or <c>seed-load-postgres &lt;connection&gt;</c>) stores the
/// ICS-scale tender with an owner and an evaluator who can sign in, and moves it into evaluation;
/// <c>load &lt;base-url&gt; &lt;email&gt; &lt;password&gt; &lt;path&gt; [connections] [seconds]</c>
/// signs in through the sign-in page and requests the path from that many connections at once,
/// printing the latency percentiles of the measured period (after a warm-up).
/// </summary>
public static partial class LoadTest
{
    /// <summary>The password of the seeded accounts.</summary>
    public const string Password = "violet kettle harbour lantern";

    /// <summary>Seeds the database and prints the tender id and the accounts.</summary>
    public static void Seed(DatabaseSettings settings, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        CommissioningDatabase.Migrate(settings);
        var contexts = new CommissioningContextFactory(settings);
        var owner = SeededAccounts.AccountAsync(settings, "load-owner", "Load Owner", commissioner: true).GetAwaiter().GetResult();
        var evaluator = SeededAccounts.AccountAsync(settings, "load-e01", "Load Evaluator").GetAwaiter().GetResult();
        SetPassword(settings, owner.UserId);
        SetPassword(settings, evaluator.UserId);

        // The ICS-scale tender with evaluator e01's scores left out, so that they have a worklist to save.
        var pack = IcsScaleTender.Create();
        pack = pack with { Scores = [.. pack.Scores.Where(s => s.EvaluatorId != "e01")], Moderation = [] };
        var id = new ImportTender(contexts, TimeProvider.System).HandleAsync(owner, TenderFile.Write(pack)).GetAwaiter().GetResult();
        if (!id.Succeeded)
        {
            throw new InvalidOperationException("The ICS-scale tender did not import: " + id.Errors[0].Message);
        }

        SeededAccounts.GrantAsync(settings, id.Value, evaluator.UserId, TenderRole.Evaluator, "e01").GetAwaiter().GetResult();
        var stage = new ChangeStage(contexts, new EvaluateTender(contexts, new EvaluationCache()), TimeProvider.System);
        var opened = new OpenTender(contexts).HandleAsync(owner, id.Value).GetAwaiter().GetResult()!;
        var open = stage.HandleAsync(owner, id.Value, TenderStage.OpenForBids, null, opened.Tender.Version).GetAwaiter().GetResult().Value;
        stage.HandleAsync(owner, id.Value, TenderStage.Evaluation, null, open.Version).GetAwaiter().GetResult();
        new DeclareConflicts(contexts, TimeProvider.System).HandleAsync(evaluator, id.Value, "e01", hasConflict: false, details: null).GetAwaiter().GetResult();
        output.WriteLine($"tender {id.Value}");
        output.WriteLine($"owner load-owner@example.nhs.uk");
        output.WriteLine($"evaluator load-e01@example.nhs.uk");
        output.WriteLine($"password {Password}");
    }

    /// <summary>
    /// Stores the ICS-scale tender's definition alone (no bids, scores or moderation) for the
    /// seeded owner and prints its id: left as a draft (<paramref name="stage"/> null) so that its
    /// set-up pages can be changed, or moved on to <paramref name="stage"/> (such as
    /// <see cref="TenderStage.OpenForBids"/>, to receive the 40 bids as workbooks).
    /// </summary>
    public static Guid SeedBare(DatabaseSettings settings, TenderStage? stage, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        CommissioningDatabase.Migrate(settings);
        var contexts = new CommissioningContextFactory(settings);
        var owner = SeededAccounts.AccountAsync(settings, "load-owner", "Load Owner", commissioner: true).GetAwaiter().GetResult();
        SetPassword(settings, owner.UserId);

        // The definition exactly as IcsScaleTender makes it: the response workbooks of
        // ResponseImportBenchmarks.Build() are signed for this lot as it is.
        var pack = new TenderPack { Tender = IcsScaleTender.Create().Tender };
        var id = new ImportTender(contexts, TimeProvider.System).HandleAsync(owner, TenderFile.Write(pack)).GetAwaiter().GetResult();
        if (!id.Succeeded)
        {
            throw new InvalidOperationException("The ICS-scale tender did not import: " + id.Errors[0].Message);
        }

        if (stage is { } to)
        {
            var opened = new OpenTender(contexts).HandleAsync(owner, id.Value).GetAwaiter().GetResult()!;
            var moved = new ChangeStage(contexts, new EvaluateTender(contexts, new EvaluationCache()), TimeProvider.System)
                .HandleAsync(owner, id.Value, to, null, opened.Tender.Version).GetAwaiter().GetResult();
            if (!moved.Succeeded)
            {
                throw new InvalidOperationException($"The tender did not move to {to}: " + moved.Errors[0].Message);
            }
        }

        output.WriteLine($"tender {id.Value}");
        output.WriteLine($"owner load-owner@example.nhs.uk");
        output.WriteLine($"password {Password}");
        return id.Value;
    }

    private static void SetPassword(DatabaseSettings settings, string userId)
    {
        using var db = CommissioningDatabase.CreateContext(settings);
        var user = db.Users.Single(u => u.Id == userId);
        user.PasswordHash = new PasswordHasher<UserAccount>().HashPassword(user, Password);
        user.SecurityStamp = Guid.NewGuid().ToString();
        user.LockoutEnabled = true;
        db.SaveChanges();
    }

    /// <summary>Signs in and loads the path from many connections at once; prints the figures.</summary>
    public static void Run(Uri baseUrl, string email, string password, string path, int connections, int seconds, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var handler = new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), MaxConnectionsPerServer = connections, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
        SignIn(client, email, password);

        // Warm up: the first request evaluates the tender; later ones reuse the evaluation.
        var first = Stopwatch.StartNew();
        using (var warm = client.GetAsync(path).GetAwaiter().GetResult())
        {
            if (warm.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{path} answered {(int)warm.StatusCode}.");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first request (cold): {first.Elapsed.TotalMilliseconds:F0} ms"));
        Measure(client, path, connections, TimeSpan.FromSeconds(3), null);
        var latencies = new List<double>();
        var errors = Measure(client, path, connections, TimeSpan.FromSeconds(seconds), latencies);
        latencies.Sort();
        double At(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{path}: {connections} connections, {seconds} s, {latencies.Count} requests ({latencies.Count / (double)seconds:F0}/s), {errors} errors; p50 {At(0.50):F1} ms, p95 {At(0.95):F1} ms, p99 {At(0.99):F1} ms, max {latencies[^1]:F1} ms"));
    }

    private static int Measure(HttpClient client, string path, int connections, TimeSpan duration, List<double>? latencies)
    {
        var until = Stopwatch.StartNew();
        var errors = 0;
        var gate = new object();
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            while (until.Elapsed < duration)
            {
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync(path).ConfigureAwait(false);
                await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                var ms = watch.Elapsed.TotalMilliseconds;
                lock (gate)
                {
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        errors++;
                    }

                    latencies?.Add(ms);
                }
            }
        })).ToArray();
        Task.WaitAll(workers);
        return errors;
    }

    /// <summary>Signs in through the sign-in page; the client keeps the cookies. Throws unless the site redirects (signed in).</summary>
    internal static void SignIn(HttpClient client, string email, string password)
    {
        var form = client.GetStringAsync("/account/sign-in").GetAwaiter().GetResult();
        var token = Token().Match(form).Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        using var response = client.PostAsync("/account/sign-in", content).GetAwaiter().GetResult();
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode}, not a redirect.");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    internal static partial Regex Token();
}
