using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Commissioning.Application;
using Commissioning.Core.Files;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Tenders;
using Commissioning.Data;

namespace Commissioning.Benchmarks;

/// <summary>
/// The ICS-scale tender (40 bids, 200 questions, 10 evaluators, 80,000 scores) through the data
/// layer on SQLite, in a file in a temp folder: load for evaluation, save one evaluator's score,
/// import the whole tender file. The 95th percentile is shown beside the mean.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class StorageBenchmarks
{
    private string _folder = null!;
    private TenderStore _store = null!;
    private string _file = null!;
    private Guid _tenderId;
    private long _version;
    private int _saves;

    /// <summary>Adds the 95th percentile column.</summary>
    private sealed class PercentileConfig : ManualConfig
    {
        public PercentileConfig() => AddColumn(StatisticColumn.P95);
    }

    /// <summary>Makes the database, imports the tender once and opens it for evaluation, outside the measured time.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("commissioning-bench-").FullName;
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder, "bench.db")}");
        CommissioningDatabase.Migrate(settings);
        _store = new TenderStore(new CommissioningContextFactory(settings), TimeProvider.System);
        _file = TenderFile.Write(IcsScaleTender.Create());
        _tenderId = _store.ImportAsync(_file, Actor.System, null).GetAwaiter().GetResult().Value;
        var tender = _store.FindAsync(_tenderId).GetAwaiter().GetResult()!;
        tender = _store.ChangeStageAsync(_tenderId, Actor.System, TenderStage.OpenForBids, null, tender.Version).GetAwaiter().GetResult().Value;
        _store.ChangeStageAsync(_tenderId, Actor.System, TenderStage.Evaluation, null, tender.Version).GetAwaiter().GetResult();
        _version = 1;
    }

    /// <summary>Removes the database.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The whole tender as a <see cref="TenderPack"/>, ready for the evaluator. Target: under 300 ms.</summary>
    [Benchmark]
    public TenderPack? LoadForEvaluation() => _store.LoadPackAsync(_tenderId).GetAwaiter().GetResult();

    /// <summary>One evaluator's score changed, checked against the stage and the version, with its audit entry. Target: under 20 ms at the 95th percentile.</summary>
    [Benchmark]
    public long SaveOneScore()
    {
        var score = new EvaluatorScore { EvaluatorId = "e01", BidId = "bid-01", QuestionId = "Q1.1", Score = _saves++ % 5, Rationale = "Benchmark save." };
        var saved = _store.SaveScoreAsync(_tenderId, Actor.System, score, _version).GetAwaiter().GetResult();
        _version = saved.Value.Version;
        return _version;
    }

    /// <summary>The whole tender file read, validated and saved as a new tender in one transaction. Target: under 5 s.</summary>
    [Benchmark]
    public Guid ImportWholeFile() => _store.ImportAsync(_file, Actor.System, null).GetAwaiter().GetResult().Value;
}
