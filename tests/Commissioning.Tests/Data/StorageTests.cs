using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Core.Files;
using Commissioning.Core.Tenders;
using Commissioning.Data;
using Commissioning.Data.Entities;
using Commissioning.Tests.Files;
using Commissioning.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Tests.Data;

/// <summary>Storing, loading, exporting and importing tenders: the same suite on SQLite and PostgreSQL.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
[NonParallelizable]
public sealed class StorageTests(DatabaseProvider provider)
{
    private static readonly Actor Commissioner = new("user-1", "Priya Shah");
    private TestDatabase _database = null!;
    private TestClock _clock = null!;

    [SetUp]
    public void SetUp()
    {
        _database = TestDatabase.Create(provider);
        _clock = new TestClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    }

    [TearDown]
    public void TearDown() => _database.Dispose();

    /// <summary>The sample pack that uses every field of the format, with its one half-point score made whole so that it validates.</summary>
    internal static TenderPack ValidSample()
    {
        var pack = SamplePack.Create();
        return pack with { Scores = [.. pack.Scores.Select(s => s with { Score = decimal.Round(s.Score, MidpointRounding.ToZero) })] };
    }

    private TenderTeam Store() => new(_database.Settings, _clock);

    private TenderTeam StoreWith(Commissioning.Core.Standards.StandardsCatalogue standards) => new(_database.Settings, _clock, standards);

    [Test]
    public async Task ImportThenExport_SamplePack_FileIsIdentical()
    {
        var file = TenderFile.Write(ValidSample());

        var imported = await StoreWith(Repository.Standards).ImportAsync(file, Commissioner, evaluatorsStillScoring: false);
        Assert.That(imported.Errors.Select(e => e.Message), Is.Empty);
        var exported = await Store().ExportAsync(imported.Value, Commissioner);

        Assert.That(exported, Is.EqualTo(file));
    }

    [Test]
    public async Task ImportThenExport_ExampleIcsTender_FileIsIdenticalAndEvaluatesTheSame()
    {
        var file = TenderFile.Write(TenderFile.Read(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "examples", "ics-tender.json"))).Value);

        var id = (await StoreWith(Repository.Standards).ImportAsync(file, Commissioner, evaluatorsStillScoring: false)).Value;
        var loaded = await Store().LoadPackAsync(id);

        Assert.That(TenderFile.Write(loaded!), Is.EqualTo(file));
        // The whole oh-evaluation output: every figure, fact and ranking of every lot.
        var (originalResult, originalRobustness) = TenderFiles.Evaluate(TenderFile.Read(file).Value);
        var (storedResult, storedRobustness) = TenderFiles.Evaluate(loaded!);
        Assert.That(storedResult.Lots.SelectMany(l => l.Bids), Is.Not.Empty);
        Assert.That(EvaluationFile.Write(storedResult, storedRobustness), Is.EqualTo(EvaluationFile.Write(originalResult, originalRobustness)));
    }

    [Test]
    public async Task Import_AfterRestart_TenderIsStillThere()
    {
        var file = TenderFile.Write(ValidSample());
        var id = (await StoreWith(Repository.Standards).ImportAsync(file, Commissioner, evaluatorsStillScoring: false)).Value;

        // A restart: every pooled connection closed, a new store, a new context.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        CommissioningDatabase.Migrate(_database.Settings);
        var reloaded = await Store().ExportAsync(id, Commissioner);

        Assert.That(reloaded, Is.EqualTo(file));
    }

    [TestCase("0.1", "0.2", "0.3")]
    [TestCase("1234567890.123456789", "0.000000001", "1234567890.123456790")]
    [TestCase("70", "1.50", "71.50")]
    public async Task DecimalColumns_ValuesAFloatWouldRound_KeepEveryDigitAndTheScale(string a, string b, string sum)
    {
        var first = decimal.Parse(a, System.Globalization.CultureInfo.InvariantCulture);
        var second = decimal.Parse(b, System.Globalization.CultureInfo.InvariantCulture);
        var pack = ValidSample();
        var bid = pack.Bids[0] with { Price = new PriceSchedule { AnnualPrices = [first, second, first + second] } };
        var changed = pack with { Bids = [bid, .. pack.Bids.Skip(1)] };
        var file = TenderFile.Write(changed);

        // Stored as a pack, without the rules (three prices for two contract years): this is about the columns.
        var id = (await Store().CreateAsync(changed, Commissioner)).Value;

        await using var db = _database.Context();
        var stored = await db.BidPrices.AsNoTracking().Join(db.Bids.Where(x => x.TenderId == id && x.Key == bid.Id), p => p.BidId, x => x.Id, (p, _) => p)
            .Where(p => p.Kind == PriceYearKind.Contract).ToListAsync();
        var amounts = stored.OrderBy(p => p.Position).Select(p => p.Amount).ToList();

        Assert.That(amounts, Has.Count.EqualTo(3));
        Assert.That(amounts.Select(x => x.ToString(System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(new[] { a, b, sum }));
        Assert.That(amounts[0] + amounts[1], Is.EqualTo(amounts[2]));
        Assert.That(await Store().ExportAsync(id, Commissioner), Is.EqualTo(file));
    }

    [Test]
    public async Task Import_BrokenFile_ListsEveryProblemAndSavesNothing()
    {
        var pack = ValidSample();
        var lot = pack.Tender.Lots[0] with { QualityWeight = -10m };
        var broken = pack with
        {
            Tender = pack.Tender with { Lots = [lot] },
            Scores = [.. pack.Scores, pack.Scores[0] with { Score = 99m }, pack.Scores[0] with { EvaluatorId = "nobody" }],
        };

        var outcome = await StoreWith(Repository.Standards).ImportAsync(TenderFile.Write(broken), Commissioner, evaluatorsStillScoring: false);

        Assert.That(outcome.Failure, Is.EqualTo(FailureKind.Invalid));
        Assert.That(outcome.Errors, Has.Count.GreaterThanOrEqualTo(3));
        Assert.That(outcome.Errors.Select(e => e.Location), Has.All.InstanceOf<JsonPathLocation>());
        Assert.That(outcome.Errors.Select(e => e.Location!.Describe()), Has.Some.StartsWith("$.tender.lots[0]"));
        Assert.That(outcome.Errors.Select(e => e.Location!.Describe()), Has.Some.StartsWith("$.scores["));
        await using var db = _database.Context();
        Assert.That(await db.Tenders.CountAsync(), Is.Zero);
        Assert.That(await db.EvaluatorScores.CountAsync(), Is.Zero);
        Assert.That(await db.AuditEntries.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task Import_NotJson_IsUnreadableWithThePlace()
    {
        var outcome = await Store().ImportAsync("{ \"format\": \"oh-tender\", ", Commissioner, evaluatorsStillScoring: false);

        Assert.That(outcome.Failure, Is.EqualTo(FailureKind.Unreadable));
        Assert.That(outcome.Errors[0].Location, Is.InstanceOf<JsonPathLocation>());
        await using var db = _database.Context();
        Assert.That(await db.Tenders.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task Import_FailsInTheDatabaseHalfway_NothingIsSaved()
    {
        // Two tenders with the same id cannot both be stored: the second save fails on the tender
        // row's key after its scores were queued. Nothing of the second may remain.
        var pack = ValidSample();
        await using (var db = _database.Context())
        {
            var rows = TenderMapping.ToRows(pack, _clock.Now);
            db.Tenders.Add(rows.Tender);
            db.EvaluatorScores.AddRange(rows.Scores);
            db.AuditEntries.Add(new AuditEntryRow { At = _clock.Now, UserName = "test", Entity = "Tender", EntityKey = "x", Action = "Created" });
            await db.SaveChangesAsync();

            await using var second = _database.Context();
            var copy = TenderMapping.ToRows(pack, _clock.Now);
            copy.Tender.Lots[0].Id = rows.Tender.Lots[0].Id;
            second.Tenders.Add(copy.Tender);
            second.EvaluatorScores.AddRange(copy.Scores);
            second.AuditEntries.Add(new AuditEntryRow { At = _clock.Now, UserName = "test", Entity = "Tender", EntityKey = "y", Action = "Created" });
            await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync());
        }

        await using var check = _database.Context();
        Assert.That(await check.Tenders.CountAsync(), Is.EqualTo(1));
        Assert.That(await check.EvaluatorScores.CountAsync(), Is.EqualTo(pack.Scores.Count));
        Assert.That(await check.AuditEntries.CountAsync(), Is.EqualTo(1));
    }
}
