using BenchmarkDotNet.Attributes;
using Commissioning.Core.Evaluation;
using Commissioning.Core.Tenders;

namespace Commissioning.Benchmarks;

/// <summary>
/// Evaluation and robustness of an ICS-scale tender (see <see cref="IcsScaleTender"/>): 40 bids,
/// 200 questions in 10 sections, 10 evaluators, 80,000 scores. The pack is built once.
/// </summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private TenderPack _pack = null!;

    /// <summary>Builds the pack outside the measured time.</summary>
    [GlobalSetup]
    public void Setup() => _pack = IcsScaleTender.Create();

    /// <summary>Gates, thresholds, quality, price, rank and the full breakdown for every bid.</summary>
    [Benchmark]
    public TenderResult Evaluate() => TenderEvaluator.Evaluate(_pack);

    /// <summary>Price methods, tipping points, 1,000 seeded weight trials and what each losing bid needed.</summary>
    [Benchmark]
    public IReadOnlyList<LotRobustness> Robustness() => RobustnessAnalysis.Analyse(_pack);

    /// <summary>Both, as a user runs them: the figure the target applies to.</summary>
    [Benchmark]
    public (TenderResult Result, IReadOnlyList<LotRobustness> Robustness) EvaluateWithRobustness() =>
        TenderEvaluator.EvaluateWithRobustness(_pack);
}
