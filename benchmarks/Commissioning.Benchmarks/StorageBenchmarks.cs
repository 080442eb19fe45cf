using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Commissioning.Application;
using Commissioning.Application.Tenders;
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
    private ICommissioningContextFactory _contexts = null!;
    private ImportTender _import = null!;
    private SaveScore _save = null!;
    private SiteUser _owner = null!;
    private SiteUser _evaluator = null!;
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
        _contexts = new CommissioningContextFactory(settings);
        _import = new ImportTender(_contexts, TimeProvider.System);
        _save = new SaveScore(_contexts, TimeProvider.System);
        _owner = SeededAccounts.AccountAsync(settings, "bench-owner", "Bench Owner", commissioner: true).GetAwaiter().GetResult();
        _evaluator = SeededAccounts.AccountAsync(settings, "bench-e01", "Bench Evaluator").GetAwaiter().GetResult();
        _file = TenderFile.Write(IcsScaleTender.Create());
        _tenderId = _import.HandleAsync(_owner, _file).GetAwaiter().GetResult().Value;
        SeededAccounts.GrantAsync(settings, _tenderId, _evaluator.UserId, TenderRole.Evaluator, "e01").GetAwaiter().GetResult();
        var stage = new ChangeStage(_contexts, new EvaluateTender(_contexts, new EvaluationCache()), TimeProvider.System);
        var opened = new OpenTender(_contexts).HandleAsync(_owner, _tenderId).GetAwaiter().GetResult()!;
        var tender = stage.HandleAsync(_owner, _tenderId, TenderStage.OpenForBids, null, opened.Tender.Version).GetAwaiter().GetResult().Value;
        stage.HandleAsync(_owner, _tenderId, TenderStage.Evaluation, null, tender.Version).GetAwaiter().GetResult();
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
    public TenderPack? LoadForEvaluation() => TenderLoader.LoadPackAsync(_contexts, _tenderId, default).GetAwaiter().GetResult();

    /// <summary>One evaluator's score changed, checked against the stage and the version, with its audit entry. Target: under 20 ms at the 95th percentile.</summary>
    [Benchmark]
    public long SaveOneScore()
    {
        var score = new EvaluatorScore { EvaluatorId = "e01", BidId = "bid-01", QuestionId = "Q1.1", Score = _saves++ % 5, Rationale = "Benchmark save." };
        var saved = _save.HandleAsync(_evaluator, _tenderId, score, _version).GetAwaiter().GetResult();
        _version = saved.Value.Version;
        return _version;
    }

    /// <summary>The whole tender file read, validated and saved as a new tender in one transaction. Target: under 5 s.</summary>
    [Benchmark]
    public Guid ImportWholeFile() => _import.HandleAsync(_owner, _file).GetAwaiter().GetResult().Value;
}
