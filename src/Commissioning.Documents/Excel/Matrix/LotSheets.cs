using Commissioning.Core.Evaluation;
using Commissioning.Core.Tenders;
using static Commissioning.Documents.Excel.Matrix.MatrixBuilder;
using static Commissioning.Documents.Excel.Matrix.SheetModel;

namespace Commissioning.Documents.Excel.Matrix;

/// <summary>One lot's sheets: Quality, Price, one per evaluator, and Moderation, with the cross-references between them.</summary>
internal sealed class LotSheets
{
    // Evaluator sheets.
    private const int EvalFirstRow = 4;
    private const int EvalScoreColumn = 4;

    // Moderation sheet.
    private const int ModFirstRow = 4;
    private const int ModFirstEvaluatorColumn = 4;

    // Quality sheet.
    private const int QualityFirstBidColumn = 7;

    // Price sheet: parameter cells in column B and the bid table.
    private const int PriceQualityShareRow = 6;
    private const int PriceShareRow = 7;
    private const int PriceCeilingRow = 9;
    private const int PriceYearsRow = 10;
    private const int PriceHeadcountRow = 11;
    private const int PriceLowestRow = 12;
    private const int PriceHighestRow = 13;
    private const int PriceBestPerPointRow = 14;
    private const int PriceHeaderRow = 18;
    private const int PriceFirstBidRow = 19;

    private const int ColGatesPassed = 4;
    private const int ColPriceOk = 6;
    private const int ColThresholds = 7;
    private const int ColEligible = 8;
    private const int ColPrice = 9;
    private const int ColAnnual = 10;
    private const int ColPerHead = 11;
    private const int ColQualityPercent = 12;
    private const int ColQualityPoints = 13;
    private const int ColPriceIfEligible = 14;
    private const int ColPerPoint = 15;
    private const int ColPerPointIfEligible = 16;
    private const int ColPricePoints = 17;
    private const int ColTotal = 18;
    private const int ColRankKey = 19;
    private const int ColTieKey = 20;
    private const int ColRank = 21;
    private const int ColDeclaredTotal = 22;

    private readonly TenderPack _pack;
    private readonly Tender _tender;
    private readonly Lot _lot;
    private readonly LotResult _result;
    private readonly List<Bid> _bids;
    private readonly Dictionary<string, BidResult> _byId;
    private readonly List<Question> _questions;
    private readonly List<Evaluator> _evaluators;
    private readonly int _max;

    // Evaluator sheet row for (evaluator, bid * questions + question), 0 where the evaluator has no row.
    private readonly int[][] _evaluatorRows;

    // Each evaluator's score for (bid * questions + question), null where there is none.
    private EvaluatorScore?[][] _scores = [];

    // Moderation sheet columns.
    private readonly int _colAssigned;
    private readonly int _colCount;
    private readonly int _colSpread;
    private readonly int _colFlagged;
    private readonly int _colConsensus;
    private readonly int _colModerator;
    private readonly int _colReason;
    private readonly int _colFinal;
    private readonly int _colSource;
    private readonly int _colIsFinal;
    private readonly int _colBelowMinimum;

    // Quality sheet rows.
    private readonly Dictionary<string, int> _questionRow = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sectionPercentRow = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sectionSummaryRow = new(StringComparer.Ordinal);
    private int _qualityPercentRow;
    private int _relativeRow;
    private int _qualityPointsRow;
    private int _thresholdRow;
    private int _leaderRow;

    public LotSheets(TenderPack pack, LotResult result, string prefix)
    {
        _pack = pack;
        _tender = pack.Tender;
        _result = result;
        _lot = result.Lot;
        _bids = [.. pack.Bids.Where(b => b.LotId == _lot.Id)];
        _byId = result.Bids.ToDictionary(b => b.Bid.Id, StringComparer.Ordinal);
        _questions = [.. _lot.Questions];
        _max = _tender.Scale.Maximum;

        var scored = new HashSet<string>(pack.Scores.Where(s => _byId.ContainsKey(s.BidId)).Select(s => s.EvaluatorId), StringComparer.Ordinal);
        var assigned = new HashSet<string>(_tender.Assignments.Where(a => a.LotId == _lot.Id).Select(a => a.EvaluatorId), StringComparer.Ordinal);
        _evaluators = [.. _tender.Evaluators.Where(e => scored.Contains(e.Id) || assigned.Contains(e.Id))];
        _evaluatorRows = [.. _evaluators.Select(_ => new int[_bids.Count * _questions.Count])];

        Quality = new SheetModel(prefix + "Quality");
        Price = new SheetModel(prefix + "Price");
        Moderation = new SheetModel(prefix + "Moderation");
        EvaluatorSheets = [.. _evaluators.Select((_, i) => new SheetModel($"{prefix}Evaluator {i + 1}"))];

        _colAssigned = ModFirstEvaluatorColumn + _evaluators.Count;
        _colCount = _colAssigned + 1;
        _colSpread = _colAssigned + 2;
        _colFlagged = _colAssigned + 3;
        _colConsensus = _colAssigned + 4;
        _colModerator = _colAssigned + 5;
        _colReason = _colAssigned + 6;
        _colFinal = _colAssigned + 7;
        _colSource = _colAssigned + 8;
        _colIsFinal = _colAssigned + 9;
        _colBelowMinimum = _colAssigned + 10;
    }

    public SheetModel Quality { get; }

    public SheetModel Price { get; }

    public SheetModel Moderation { get; }

    public IReadOnlyList<SheetModel> EvaluatorSheets { get; }

    private int LastPriceRow => PriceFirstBidRow + _bids.Count - 1;

    private int ModRow(int bid, int question) => ModFirstRow + (bid * _questions.Count) + question;

    private static int QualityColumn(int bid) => QualityFirstBidColumn + bid;

    private static int PriceRow(int bid) => PriceFirstBidRow + bid;

    private string PriceCell(int row, int column) => Price.Prefix + A1(row, column, true);

    private string PriceParameter(int row) => PriceCell(row, 2);

    public void Build()
    {
        WriteEvaluators();
        WriteModeration();
        WriteQuality();
        WritePrice();
    }

    private void WriteEvaluators()
    {
        // Each evaluator's score by bid and question (the first recorded, as before), as
        // references to the pack's own scores: no copy of the 80,000 scores is made.
        var evaluatorIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var e = 0; e < _evaluators.Count; e++)
        {
            evaluatorIndex.TryAdd(_evaluators[e].Id, e);
        }

        var bidIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var b = 0; b < _bids.Count; b++)
        {
            bidIndex.TryAdd(_bids[b].Id, b);
        }

        var questionIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var q = 0; q < _questions.Count; q++)
        {
            questionIndex.TryAdd(_questions[q].Id, q);
        }

        var pairs = _bids.Count * _questions.Count;
        _scores = [.. _evaluators.Select(_ => new EvaluatorScore?[pairs])];
        foreach (var s in _pack.Scores)
        {
            if (evaluatorIndex.TryGetValue(s.EvaluatorId, out var e) && bidIndex.TryGetValue(s.BidId, out var b) && questionIndex.TryGetValue(s.QuestionId, out var q))
            {
                _scores[e][(b * _questions.Count) + q] ??= s;
            }
        }

        var assigned = _questions.Select(q => new HashSet<string>(_tender.EvaluatorsFor(_lot.Id, q.Id), StringComparer.Ordinal)).ToList();
        for (var e = 0; e < _evaluators.Count; e++)
        {
            var evaluator = _evaluators[e];
            var sheet = EvaluatorSheets[e];
            sheet.Text(1, 1, "Evaluator", CellStyle.Title);
            sheet.Text(1, 2, evaluator.Name, CellStyle.Title);
            sheet.Text(2, 1, $"{_lot.Title}: this evaluator's independent scores, 0 to {_max}, with the rationale for each. A score typed in column D flows to the Moderation and Quality sheets.", CellStyle.Plain);
            Headers(sheet, 3, "Provider", "Bid", "Question", "Score", "Rationale");

            // Only the row numbers are worked out now; the rows are made as the sheet is written.
            var row = EvalFirstRow;
            for (var pair = 0; pair < pairs; pair++)
            {
                if (_scores[e][pair] is not null || assigned[pair % _questions.Count].Contains(evaluator.Id))
                {
                    _evaluatorRows[e][pair] = row;
                    row++;
                }
            }

            var index = e;
            sheet.Generate(() => EvaluatorRows(index));
            sheet.Input(EvalFirstRow, EvalScoreColumn, row - 1, _max);
            sheet.FreezeRows = 3;
            sheet.Width(1, 30);
            sheet.Width(2, 12);
            sheet.Width(3, 10);
            sheet.Width(4, 8);
            sheet.Width(5, 90);
        }
    }

    /// <summary>One evaluator's rows: provider, bid, question, and the score and rationale where there is one.</summary>
    private IEnumerable<SheetCell> EvaluatorRows(int e)
    {
        var rows = _evaluatorRows[e];
        var scores = _scores[e];
        for (var pair = 0; pair < rows.Length; pair++)
        {
            var row = rows[pair];
            if (row == 0)
            {
                continue;
            }

            var bid = _bids[pair / _questions.Count];
            if (TextCell(row, 1, bid.Provider) is { } provider)
            {
                yield return provider;
            }

            if (TextCell(row, 2, bid.Id) is { } id)
            {
                yield return id;
            }

            if (TextCell(row, 3, _questions[pair % _questions.Count].Id) is { } question)
            {
                yield return question;
            }

            if (scores[pair] is { } score)
            {
                yield return NumberCell(row, EvalScoreColumn, score.Score, CellStyle.WholeScore);
                if (TextCell(row, 5, score.Rationale) is { } rationale)
                {
                    yield return rationale;
                }
            }
        }
    }

    private void WriteModeration()
    {
        var sheet = Moderation;
        sheet.Text(1, 1, "Moderation", CellStyle.Title);
        sheet.Text(1, 2, _lot.Title, CellStyle.Title);
        sheet.Text(2, 1, $"Each evaluator's score (from their sheet), how many are in, the spread (flagged at {Rounding.Number(_tender.EffectiveSpreadFlag)} or more), and the consensus agreed at moderation. The final score is the consensus where one is recorded, otherwise the mean of the scores in, otherwise 0. A consensus typed in column {ColumnName(_colConsensus)} replaces the mean.");
        sheet.Text(3, 1, "Provider", CellStyle.Header);
        sheet.Text(3, 2, "Bid", CellStyle.Header);
        sheet.Text(3, 3, "Question", CellStyle.Header);
        for (var e = 0; e < _evaluators.Count; e++)
        {
            sheet.Text(3, ModFirstEvaluatorColumn + e, _evaluators[e].Name, CellStyle.Header);
        }

        sheet.Text(3, _colAssigned, "Assigned", CellStyle.Header);
        sheet.Text(3, _colCount, "Scores in", CellStyle.Header);
        sheet.Text(3, _colSpread, "Spread", CellStyle.Header);
        sheet.Text(3, _colFlagged, "Flagged", CellStyle.Header);
        sheet.Text(3, _colConsensus, "Consensus", CellStyle.Header);
        sheet.Text(3, _colModerator, "Moderator", CellStyle.Header);
        sheet.Text(3, _colReason, "Reason", CellStyle.Header);
        sheet.Text(3, _colFinal, "Final score", CellStyle.Header);
        sheet.Text(3, _colSource, "Source", CellStyle.Header);
        sheet.Text(3, _colIsFinal, "Final (1 yes)", CellStyle.Header);
        sheet.Text(3, _colBelowMinimum, "Below minimum (1 yes)", CellStyle.Header);

        sheet.Generate(ModerationRows);
        sheet.Input(ModFirstRow, _colConsensus, ModFirstRow + (_bids.Count * _questions.Count) - 1, _max);
        sheet.FreezeRows = 3;
        sheet.FreezeColumns = 3;
        sheet.Width(1, 28);
        sheet.Width(2, 12);
        sheet.Width(3, 10);
        for (var c = ModFirstEvaluatorColumn; c < _colModerator; c++)
        {
            sheet.Width(c, 11);
        }

        sheet.Width(_colModerator, 20);
        sheet.Width(_colReason, 60);
        sheet.Width(_colFinal, 11);
        sheet.Width(_colSource, 18);
        sheet.Width(_colIsFinal, 11);
        sheet.Width(_colBelowMinimum, 13);
    }

    /// <summary>The Moderation sheet's rows, one for each bid and question, made as the sheet is written.</summary>
    private IEnumerable<SheetCell> ModerationRows()
    {
        var moderation = new Dictionary<(string, string), ModeratedScore>();
        foreach (var m in _pack.Moderation)
        {
            moderation[(m.BidId, m.QuestionId)] = m; // the last record wins, as in the engine
        }

        var names = _tender.Evaluators.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);
        var assignedCount = _questions.Select(q => _tender.EvaluatorsFor(_lot.Id, q.Id).Count).ToList();
        var lastEvaluatorColumn = ModFirstEvaluatorColumn + _evaluators.Count - 1;
        var spreadFlag = Invariant(_tender.EffectiveSpreadFlag);
        for (var b = 0; b < _bids.Count; b++)
        {
            var bid = _bids[b];
            for (var q = 0; q < _questions.Count; q++)
            {
                var question = _questions[q];
                var row = ModRow(b, q);
                if (TextCell(row, 1, bid.Provider) is { } provider)
                {
                    yield return provider;
                }

                if (TextCell(row, 2, bid.Id) is { } id)
                {
                    yield return id;
                }

                if (TextCell(row, 3, question.Id) is { } questionId)
                {
                    yield return questionId;
                }

                for (var e = 0; e < _evaluators.Count; e++)
                {
                    var evalRow = _evaluatorRows[e][(b * _questions.Count) + q];
                    if (evalRow > 0)
                    {
                        var source = EvaluatorSheets[e].Prefix + A1(evalRow, EvalScoreColumn);
                        yield return FormulaCell(row, ModFirstEvaluatorColumn + e, $"IF(ISBLANK({source}),\"\",{source})", CellStyle.WholeScore);
                    }
                }

                var range = _evaluators.Count == 0 ? null : Range(row, ModFirstEvaluatorColumn, row, lastEvaluatorColumn, absolute: false);
                var count = A1(row, _colCount);
                var spread = A1(row, _colSpread);
                var consensus = A1(row, _colConsensus);
                var assigned = A1(row, _colAssigned);
                var final = A1(row, _colFinal);
                var isFinal = A1(row, _colIsFinal);
                yield return NumberCell(row, _colAssigned, assignedCount[q], CellStyle.Count);
                yield return FormulaCell(row, _colCount, range is null ? "0" : $"COUNT({range})", CellStyle.Count);
                yield return FormulaCell(row, _colSpread, range is null ? "0" : $"IF({count}>=2,MAX({range})-MIN({range}),0)", CellStyle.Score);
                yield return FormulaCell(row, _colFlagged, $"IF({spread}>={spreadFlag},\"Yes\",\"\")");
                if (moderation.GetValueOrDefault((bid.Id, question.Id)) is { } m)
                {
                    yield return NumberCell(row, _colConsensus, m.Score, CellStyle.WholeScore);
                    if (TextCell(row, _colModerator, names.GetValueOrDefault(m.ModeratorId, m.ModeratorId)) is { } moderator)
                    {
                        yield return moderator;
                    }

                    if (TextCell(row, _colReason, m.Reason) is { } reason)
                    {
                        yield return reason;
                    }
                }

                yield return FormulaCell(row, _colFinal, range is null ? $"IF(ISNUMBER({consensus}),{consensus},0)" : $"IF(ISNUMBER({consensus}),{consensus},IF({count}=0,0,AVERAGE({range})))", CellStyle.Score);
                yield return FormulaCell(row, _colSource, $"IF(ISNUMBER({consensus}),\"Moderated\",IF({count}=0,\"Missing\",IF({count}<{assigned},\"Partial mean\",\"Mean of evaluators\")))");
                yield return FormulaCell(row, _colIsFinal, $"IF(OR(ISNUMBER({consensus}),AND({count}>0,{count}>={assigned})),1,0)", CellStyle.Count);
                yield return FormulaCell(row, _colBelowMinimum, question.MinimumScore is { } minimum
                    ? $"IF(AND({isFinal}=1,ROUND({final},9)<{Invariant(minimum)}),1,0)"
                    : "0", CellStyle.Count);
            }
        }
    }

    private void WriteQuality()
    {
        var sheet = Quality;
        var unit = _lot.SectionWeights == WeightUnit.Points ? "points" : "percent";
        sheet.Text(1, 1, "Quality", CellStyle.Title);
        sheet.Text(1, 3, _lot.Title, CellStyle.Title);
        var method = _lot.QualityMethod == QualityMethod.Relative
            ? "Quality is scored against the best eligible bid (relative): quality points = quality share × this bid's quality ÷ the best eligible bid's."
            : "Quality is scored against the scale (absolute): quality points = quality share × quality % ÷ 100.";
        sheet.Text(2, 1, $"Final scores from the Moderation sheet, 0 to {_max}, weighted by question within each section and by section within quality. {method}", CellStyle.Plain);
        Headers(sheet, 3, "Section", "Question", "Title", $"Weight ({(_lot.Sections.Any(s => s.QuestionWeights == WeightUnit.Points) ? "as declared" : "percent")})", "Share of section", "Minimum score");
        sheet.Text(4, 3, "Bid", CellStyle.Label);
        for (var b = 0; b < _bids.Count; b++)
        {
            sheet.Text(3, QualityColumn(b), _bids[b].Provider, CellStyle.Header);
            sheet.Text(4, QualityColumn(b), _bids[b].Id, CellStyle.Label);
        }

        var row = 5;
        var questionIndex = 0;
        var sectionQuestionRows = new Dictionary<string, (int First, int Last, int FirstIndex)>(StringComparer.Ordinal);
        foreach (var section in _lot.Sections)
        {
            sheet.Text(row, 1, section.Id, CellStyle.Label);
            sheet.Text(row, 3, section.Title, CellStyle.Label);
            row++;
            var first = row;
            var firstIndex = questionIndex;
            var last = first + section.Questions.Count - 1;
            foreach (var question in section.Questions)
            {
                sheet.Text(row, 1, section.Id);
                sheet.Text(row, 2, question.Id);
                sheet.Text(row, 3, question.Title);
                sheet.Number(row, 4, question.Weight, CellStyle.Points);
                var weights = Range(first, 4, last, 4);
                sheet.Formula(row, 5, $"IF(SUM({weights})=0,0,{A1(row, 4)}*100/SUM({weights}))", CellStyle.Percent);
                sheet.Number(row, 6, question.MinimumScore, CellStyle.Score);
                for (var b = 0; b < _bids.Count; b++)
                {
                    sheet.Formula(row, QualityColumn(b), Moderation.Prefix + A1(ModRow(b, questionIndex), _colFinal), CellStyle.Score);
                }

                _questionRow[question.Id] = row;
                row++;
                questionIndex++;
            }

            sheet.Text(row, 3, $"Section {section.Id}: weighted %", CellStyle.Label);
            for (var b = 0; b < _bids.Count; b++)
            {
                var column = QualityColumn(b);
                sheet.Formula(row, column, section.Questions.Count == 0
                    ? "0"
                    : $"IF(SUM({Range(first, 4, last, 4)})=0,0,SUMPRODUCT({Range(first, 4, last, 4)},{Range(first, column, last, column, absolute: false)})/SUM({Range(first, 4, last, 4)})*100/{_max})", CellStyle.TotalPercent);
            }

            _sectionPercentRow[section.Id] = row;
            sectionQuestionRows[section.Id] = (first, last, firstIndex);
            row += 2;
        }

        // Sections within quality.
        Headers(sheet, row, "Section", string.Empty, "Title", $"Weight ({unit})", "Share of quality", "Minimum %");
        for (var b = 0; b < _bids.Count; b++)
        {
            sheet.Text(row, QualityColumn(b), _bids[b].Provider, CellStyle.Header);
        }

        row++;
        var firstSection = row;
        var lastSection = row + _lot.Sections.Count - 1;
        var sectionWeights = Range(firstSection, 4, lastSection, 4);
        foreach (var section in _lot.Sections)
        {
            sheet.Text(row, 1, section.Id);
            sheet.Text(row, 3, section.Title + (section.SocialValue ? " (social value)" : string.Empty));
            sheet.Number(row, 4, section.Weight, CellStyle.Points);
            sheet.Formula(row, 5, $"IF(SUM({sectionWeights})=0,0,{A1(row, 4)}*100/SUM({sectionWeights}))", CellStyle.Percent);
            sheet.Number(row, 6, section.MinimumPercent, CellStyle.Percent);
            for (var b = 0; b < _bids.Count; b++)
            {
                sheet.Formula(row, QualityColumn(b), A1(_sectionPercentRow[section.Id], QualityColumn(b)), CellStyle.Percent);
            }

            _sectionSummaryRow[section.Id] = row;
            row++;
        }

        _qualityPercentRow = row;
        sheet.Text(row, 3, "Quality: weighted % (absolute)", CellStyle.Label);
        for (var b = 0; b < _bids.Count; b++)
        {
            var column = QualityColumn(b);
            sheet.Formula(row, column, _lot.Sections.Count == 0 ? "0" : $"IF(SUM({sectionWeights})=0,0,SUMPRODUCT({sectionWeights},{Range(firstSection, column, lastSection, column, absolute: false)})/SUM({sectionWeights}))", CellStyle.TotalPercent);
        }

        // Thresholds, judged as the engine does: only on final scores, on absolute quality.
        row += 2;
        _thresholdRow = row;
        sheet.Text(row, 3, "Question minimums met (1 yes)", CellStyle.Label);
        sheet.Text(row + 1, 3, "Section minimums met (1 yes)", CellStyle.Label);
        sheet.Text(row + 2, 3, "Lot minimum quality met (1 yes)", CellStyle.Label);
        sheet.Number(row + 2, 6, _lot.MinimumQualityPercent, CellStyle.Percent);
        sheet.Text(row + 3, 3, "Eligible (1 yes; from the Price sheet)", CellStyle.Label);
        sheet.Text(row + 4, 3, "Quality if eligible", CellStyle.Label);
        sheet.Text(row + 4, 5, "Best eligible", CellStyle.Label);
        var lastQuestion = _questions.Count - 1;
        for (var b = 0; b < _bids.Count; b++)
        {
            var column = QualityColumn(b);
            var allRows = _questions.Count == 0 ? null : Moderation.Prefix + Range(ModRow(b, 0), _colIsFinal, ModRow(b, lastQuestion), _colIsFinal);
            sheet.Formula(row, column, _questions.Count == 0 ? "1" : $"IF(SUM({Moderation.Prefix}{Range(ModRow(b, 0), _colBelowMinimum, ModRow(b, lastQuestion), _colBelowMinimum)})=0,1,0)", CellStyle.Count);

            var sectionTerms = _lot.Sections
                .Where(s => s.MinimumPercent is not null && s.Questions.Count > 0)
                .Select(s =>
                {
                    var (_, _, firstIndex) = sectionQuestionRows[s.Id];
                    var finals = Moderation.Prefix + Range(ModRow(b, firstIndex), _colIsFinal, ModRow(b, firstIndex + s.Questions.Count - 1), _colIsFinal);
                    return $"AND(MIN({finals})=1,ROUND({A1(_sectionPercentRow[s.Id], column)},9)<{Invariant(s.MinimumPercent!.Value)})";
                })
                .ToList();
            sheet.Formula(row + 1, column, sectionTerms.Count == 0 ? "1" : $"IF(OR({string.Join(',', sectionTerms)}),0,1)", CellStyle.Count);
            sheet.Formula(row + 2, column, _lot.MinimumQualityPercent is { } minimum && allRows is not null
                ? $"IF(AND(MIN({allRows})=1,ROUND({A1(_qualityPercentRow, column)},9)<{Invariant(minimum)}),0,1)"
                : "1", CellStyle.Count);
            sheet.Formula(row + 3, column, PriceCell(PriceRow(b), ColEligible), CellStyle.Count);
            sheet.Formula(row + 4, column, $"IF({A1(row + 3, column)}=1,{A1(_qualityPercentRow, column)},\"\")", CellStyle.Percent);
        }

        var eligibleQualities = _bids.Count == 0 ? null : Range(row + 4, QualityColumn(0), row + 4, QualityColumn(_bids.Count - 1));
        var best = A1(row + 4, 6, true);
        sheet.Formula(row + 4, 6, eligibleQualities is null ? "0" : $"IF(COUNT({eligibleQualities})=0,0,MAX({eligibleQualities}))", CellStyle.Percent);
        var eligibleRow = row + 3;
        row += 6;

        var relative = _lot.QualityMethod == QualityMethod.Relative;
        var share = PriceParameter(PriceQualityShareRow);
        if (relative)
        {
            _relativeRow = row;
            sheet.Text(row, 3, "Relative quality % (of the best eligible)", CellStyle.Label);
            for (var b = 0; b < _bids.Count; b++)
            {
                var column = QualityColumn(b);
                sheet.Formula(row, column, $"IF({A1(eligibleRow, column)}=1,IF({best}>0,{A1(_qualityPercentRow, column)}*100/{best},0),\"\")", CellStyle.Percent);
            }

            row++;
        }

        _qualityPointsRow = row;
        sheet.Text(row, 3, "Quality points (of 100)", CellStyle.Label);
        sheet.Formula(row, 6, share, CellStyle.Points);
        sheet.Text(row, 5, "Quality share", CellStyle.Label);
        for (var b = 0; b < _bids.Count; b++)
        {
            var column = QualityColumn(b);
            sheet.Formula(row, column, relative
                ? $"IF({A1(eligibleRow, column)}=1,{A1(_relativeRow, column)}*{share}/100,0)"
                : $"{A1(_qualityPercentRow, column)}*{share}/100", CellStyle.Total);
        }

        row += 2;
        sheet.Text(row, 3, "Points from each section", CellStyle.Label);
        row++;
        foreach (var section in _lot.Sections)
        {
            var summaryRow = _sectionSummaryRow[section.Id];
            sheet.Text(row, 1, section.Id);
            sheet.Text(row, 3, section.Title);
            for (var b = 0; b < _bids.Count; b++)
            {
                var column = QualityColumn(b);
                var points = $"{A1(summaryRow, 5, true)}/100*{share}*{A1(summaryRow, column)}/100";
                sheet.Formula(row, column, relative
                    ? $"IF({A1(eligibleRow, column)}=1,IF({best}>0,{points}*100/{best},0),0)"
                    : points, CellStyle.Points);
            }

            row++;
        }

        sheet.FreezeRows = 4;
        sheet.FreezeColumns = 3;
        sheet.Width(1, 9);
        sheet.Width(2, 10);
        sheet.Width(3, 44);
        sheet.Width(4, 11);
        sheet.Width(5, 11);
        sheet.Width(6, 11);
        for (var b = 0; b < _bids.Count; b++)
        {
            sheet.Width(QualityColumn(b), 16);
        }
    }

    private void WritePrice()
    {
        var sheet = Price;
        var points = _lot.Weights == WeightUnit.Points;
        sheet.Text(1, 1, "Price", CellStyle.Title);
        sheet.Text(1, 3, _lot.Title, CellStyle.Title);
        sheet.Text(3, 1, $"Quality weight ({(points ? "points" : "percent")})", CellStyle.Label);
        sheet.Number(3, 2, _lot.QualityWeight, CellStyle.Points);
        sheet.Text(4, 1, $"Price weight ({(points ? "points" : "percent")})", CellStyle.Label);
        sheet.Number(4, 2, _lot.PriceWeight, CellStyle.Points);
        sheet.Text(5, 1, "Weights written as", CellStyle.Label);
        sheet.Text(5, 2, points ? "points" : "percentages");
        sheet.Text(PriceQualityShareRow, 1, "Quality share of 100", CellStyle.Label);
        sheet.Formula(PriceQualityShareRow, 2, "IF(B3+B4=0,0,B3*100/(B3+B4))", CellStyle.Points);
        sheet.Text(PriceShareRow, 1, "Price share of 100", CellStyle.Label);
        sheet.Formula(PriceShareRow, 2, "IF(B3+B4=0,0,B4*100/(B3+B4))", CellStyle.Points);
        sheet.Text(8, 1, "Price method", CellStyle.Label);
        sheet.Text(8, 2, MethodWords(_lot.Price.Method));
        sheet.Text(8, 3, MethodFormulaWords(_lot));
        sheet.Text(PriceCeilingRow, 1, "Ceiling (linear method)", CellStyle.Label);
        if (_lot.Price.Ceiling is { } declared)
        {
            sheet.Number(PriceCeilingRow, 2, declared, CellStyle.Money);
        }
        else
        {
            sheet.Text(PriceCeilingRow, 2, "None declared");
        }

        sheet.Text(PriceYearsRow, 1, "Years evaluated", CellStyle.Label);
        sheet.Number(PriceYearsRow, 2, _lot.Price.EvaluatedYears, CellStyle.Count);
        sheet.Text(PriceHeadcountRow, 1, "Staff headcount of the lot's members", CellStyle.Label);
        sheet.Number(PriceHeadcountRow, 2, _tender.MembersOf(_lot).Sum(m => m.Profile.Headcount), CellStyle.Count);

        var any = _bids.Count > 0;
        var priceIfEligible = any ? Range(PriceFirstBidRow, ColPriceIfEligible, LastPriceRow, ColPriceIfEligible) : null;
        var perPointIfEligible = any ? Range(PriceFirstBidRow, ColPerPointIfEligible, LastPriceRow, ColPerPointIfEligible) : null;
        sheet.Text(PriceLowestRow, 1, "Lowest eligible price", CellStyle.Label);
        sheet.Formula(PriceLowestRow, 2, any ? $"IF(COUNT({priceIfEligible})=0,0,MIN({priceIfEligible}))" : "0", CellStyle.Money);
        sheet.Text(PriceHighestRow, 1, "Highest eligible price", CellStyle.Label);
        sheet.Formula(PriceHighestRow, 2, any ? $"IF(COUNT({priceIfEligible})=0,0,MAX({priceIfEligible}))" : "0", CellStyle.Money);
        sheet.Text(PriceBestPerPointRow, 1, "Lowest eligible price per quality point", CellStyle.Label);
        sheet.Formula(PriceBestPerPointRow, 2, any ? $"IF(COUNT({perPointIfEligible})=0,\"\",MIN({perPointIfEligible}))" : "\"\"", CellStyle.Money);
        sheet.Text(15, 1, "Tie-break", CellStyle.Label);
        sheet.Text(15, 2, _lot.TieBreak.Rule switch
        {
            TieBreakRule.HighestQuality => "Higher quality",
            TieBreakRule.LowestPrice => "Lower evaluated price",
            _ => $"Higher percentage on section {_lot.TieBreak.SectionId}",
        });
        sheet.Text(16, 1, "Eligible", CellStyle.Label);
        sheet.Text(16, 2, "A bid is eligible (1) when no gate failed, it met every minimum threshold and it was not excluded for an abnormally low price. Only eligible bids set the lowest price, score on price and are ranked.", CellStyle.Plain);

        Headers(sheet, PriceHeaderRow, "Bid", "Provider", "Gates", "Gates passed (1 yes)", "Price check", "Not excluded for price (1 yes)",
            "Thresholds met (1 yes)", "Eligible (1 yes)", "Evaluated price", "Annual price", "Price a head a year", "Quality %", "Quality points",
            "Price if eligible", "Price per quality point", "Price per point if eligible", "Price points", "Total (of 100)", "Rank key", "Tie-break key", "Rank");
        if (points)
        {
            sheet.Text(PriceHeaderRow, ColDeclaredTotal, $"Total (of {Rounding.Number(_lot.WeightTotal)} points)", CellStyle.Header);
        }

        var share = PriceParameter(PriceShareRow);
        var lowest = PriceParameter(PriceLowestRow);
        var highest = PriceParameter(PriceHighestRow);
        var ceiling = PriceParameter(PriceCeilingRow);
        var bestPerPoint = PriceParameter(PriceBestPerPointRow);
        var rankKeys = any ? Range(PriceFirstBidRow, ColRankKey, LastPriceRow, ColRankKey) : string.Empty;
        var tieKeys = any ? Range(PriceFirstBidRow, ColTieKey, LastPriceRow, ColTieKey) : string.Empty;
        var tieBetter = _lot.TieBreak.Rule == TieBreakRule.LowestPrice ? "<" : ">";
        for (var b = 0; b < _bids.Count; b++)
        {
            var bid = _bids[b];
            var facts = _byId[bid.Id];
            var row = PriceRow(b);
            string Cell(int column) => A1(row, column);
            var eligible = Cell(ColEligible);
            var price = Cell(ColPrice);

            sheet.Text(row, 1, bid.Id);
            sheet.Text(row, 2, bid.Provider);
            sheet.Text(row, 3, GateWords(facts));
            sheet.Number(row, ColGatesPassed, facts.Disqualified ? 0 : 1, CellStyle.Count);
            sheet.Text(row, 5, PriceCheckWords(facts.LowPrice));
            sheet.Number(row, ColPriceOk, facts.ExcludedForLowPrice ? 0 : 1, CellStyle.Count);
            var q = QualityColumn(b);
            sheet.Formula(row, ColThresholds, $"IF(AND({Quality.Prefix}{A1(_thresholdRow, q)}=1,{Quality.Prefix}{A1(_thresholdRow + 1, q)}=1,{Quality.Prefix}{A1(_thresholdRow + 2, q)}=1),1,0)", CellStyle.Count);
            sheet.Formula(row, ColEligible, $"IF(AND({Cell(ColGatesPassed)}=1,{Cell(ColPriceOk)}=1,{Cell(ColThresholds)}=1),1,0)", CellStyle.Count);
            sheet.Number(row, ColPrice, facts.Price.EvaluatedPrice, CellStyle.Money);
            sheet.Formula(row, ColAnnual, $"IF({A1(PriceYearsRow, 2, true)}=0,0,{price}/{A1(PriceYearsRow, 2, true)})", CellStyle.Money);
            sheet.Formula(row, ColPerHead, $"IF({A1(PriceHeadcountRow, 2, true)}=0,0,{Cell(ColAnnual)}/{A1(PriceHeadcountRow, 2, true)})", CellStyle.Money);
            sheet.Formula(row, ColQualityPercent, Quality.Prefix + A1(_qualityPercentRow, q), CellStyle.Percent);
            sheet.Formula(row, ColQualityPoints, Quality.Prefix + A1(_qualityPointsRow, q), CellStyle.Points);
            sheet.Formula(row, ColPriceIfEligible, $"IF({eligible}=1,{price},\"\")", CellStyle.Money);
            // As in the engine: shown once there is an eligible bid to compare with, for a bid with some quality.
            sheet.Formula(row, ColPerPoint, $"IF(AND(COUNT({priceIfEligible})>0,{Cell(ColQualityPercent)}>0),{price}/{Cell(ColQualityPercent)},\"\")", CellStyle.Money);
            sheet.Formula(row, ColPerPointIfEligible, $"IF(AND({eligible}=1,ISNUMBER({Cell(ColPerPoint)})),{Cell(ColPerPoint)},\"\")", CellStyle.Money);
            var pricePoints = _lot.Price.Method switch
            {
                PriceMethod.Proportional => $"IF({price}<=0,{share},{share}*{lowest}/{price})",
                PriceMethod.Linear when _lot.Price.Ceiling is not null => $"IF({price}>={ceiling},0,{share}*({ceiling}-{price})/({ceiling}-{lowest}))",
                PriceMethod.Linear => $"IF({highest}={lowest},{share},{share}*({highest}-{price})/({highest}-{lowest}))",
                PriceMethod.Deviation => $"IF({lowest}<=0,IF({price}<=0,{share},0),{share}*MAX(0,1-({price}-{lowest})/{lowest}))",
                _ => null,
            };
            sheet.Formula(row, ColPricePoints, pricePoints is null ? "\"\"" : $"IF({eligible}=1,{pricePoints},\"\")", CellStyle.Points);
            sheet.Formula(row, ColTotal, pricePoints is null
                ? $"IF({eligible}=1,IF(AND(ISNUMBER({Cell(ColPerPoint)}),ISNUMBER({bestPerPoint})),100*{bestPerPoint}/{Cell(ColPerPoint)},0),\"\")"
                : $"IF({eligible}=1,{Cell(ColQualityPoints)}+{Cell(ColPricePoints)},\"\")", CellStyle.Total);
            sheet.Formula(row, ColRankKey, $"IF({eligible}=1,ROUND({Cell(ColTotal)},8),\"\")", CellStyle.Plain);
            var tie = _lot.TieBreak.Rule switch
            {
                TieBreakRule.HighestQuality => Cell(ColQualityPercent),
                TieBreakRule.LowestPrice => price,
                _ => _lot.Sections.Any(s => s.Id == _lot.TieBreak.SectionId)
                    ? Quality.Prefix + A1(_sectionPercentRow[_lot.TieBreak.SectionId!], q)
                    : "0",
            };
            sheet.Formula(row, ColTieKey, $"IF({eligible}=1,ROUND({tie},8),\"\")", CellStyle.Plain);
            var key = Cell(ColRankKey);
            sheet.Formula(row, ColRank, $"IF({eligible}=1,1+COUNTIF({rankKeys},\">\"&{key})+COUNTIFS({rankKeys},{key},{tieKeys},\"{tieBetter}\"&{Cell(ColTieKey)}),\"\")", CellStyle.Count);
            if (points)
            {
                sheet.Formula(row, ColDeclaredTotal, $"IF({eligible}=1,{Cell(ColTotal)}*($B$3+$B$4)/100,\"\")", CellStyle.Points);
            }
        }

        sheet.FreezeRows = PriceHeaderRow;
        sheet.FreezeColumns = 2;
        sheet.Width(1, 34);
        sheet.Width(2, 28);
        sheet.Width(3, 24);
        for (var c = 4; c <= ColDeclaredTotal; c++)
        {
            sheet.Width(c, c == 5 ? 30 : 14);
        }
    }

    /// <summary>Writes the lot's block of the Summary sheet from <paramref name="row"/>; returns the next free row.</summary>
    public int WriteSummary(SheetModel sheet, int row)
    {
        var outstanding = Outstanding.Of(_result);
        sheet.Text(row, 1, "Lot", CellStyle.Header);
        sheet.Text(row, 2, _lot.Title, CellStyle.Header);
        sheet.Text(row, 3, _lot.Id, CellStyle.Header);
        row++;
        sheet.Text(row, 1, "Status", CellStyle.Label);
        sheet.Text(row, 2, _bids.Count == 0
            ? "No bids to evaluate, so there is no result."
            : outstanding.Total == 0 ? "Complete: nothing is outstanding." : $"Provisional: {outstanding.Total} thing{(outstanding.Total == 1 ? " is" : "s are")} outstanding (below).", CellStyle.Label);
        row++;
        _leaderRow = row;
        sheet.Text(row, 1, outstanding.Total == 0 ? "Most advantageous tender" : "Provisional leader", CellStyle.Label);
        if (_bids.Count == 0)
        {
            sheet.Text(row, 2, "No bids");
        }
        else
        {
            var ranks = PriceCell(PriceFirstBidRow, ColRank) + ":" + A1(LastPriceRow, ColRank, true);
            var providers = PriceCell(PriceFirstBidRow, 2) + ":" + A1(LastPriceRow, 2, true);
            sheet.Formula(row, 2, $"IF(COUNTIF({ranks},1)=1,INDEX({providers},MATCH(1,{ranks},0)),IF(COUNTIF({ranks},1)=0,\"No eligible bid\",\"Tied for first after the tie-break: resolve before award\"))", CellStyle.Label);
        }

        row++;
        sheet.Text(row, 1, "Price method", CellStyle.Label);
        sheet.Text(row, 2, $"{MethodWords(_lot.Price.Method)}; quality {(_lot.QualityMethod == QualityMethod.Relative ? "against the best eligible bid" : "against the scale")}");
        row += 2;

        foreach (var (what, count) in outstanding.Items.Where(i => i.Count > 0))
        {
            sheet.Text(row, 1, "Outstanding", CellStyle.Label);
            sheet.Text(row, 2, what);
            sheet.Number(row, 3, count, CellStyle.Count);
            row++;
        }

        if (outstanding.Total > 0)
        {
            row++;
        }

        var points = _lot.Weights == WeightUnit.Points;
        Headers(sheet, row, "Rank", "Provider", "Bid", "Eligible", "Why excluded", "Quality %", "Quality points", "Evaluated price", "Price points", "Total (of 100)");
        if (points)
        {
            sheet.Text(row, 11, $"Total (of {Rounding.Number(_lot.WeightTotal)} points)", CellStyle.Header);
        }

        row++;
        var index = _bids.Select((b, i) => (b.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        foreach (var result in _result.Bids)
        {
            var b = index[result.Bid.Id];
            var priceRow = PriceRow(b);
            sheet.Formula(row, 1, PriceCell(priceRow, ColRank), CellStyle.Count);
            sheet.Text(row, 2, result.Bid.Provider);
            sheet.Text(row, 3, result.Bid.Id);
            sheet.Formula(row, 4, $"IF({PriceCell(priceRow, ColEligible)}=1,\"Yes\",\"No\")");
            sheet.Text(row, 5, ExclusionWords(result));
            sheet.Formula(row, 6, PriceCell(priceRow, ColQualityPercent), CellStyle.Percent);
            sheet.Formula(row, 7, PriceCell(priceRow, ColQualityPoints), CellStyle.Points);
            sheet.Formula(row, 8, PriceCell(priceRow, ColPrice), CellStyle.Money);
            sheet.Formula(row, 9, $"IF(ISNUMBER({PriceCell(priceRow, ColPricePoints)}),{PriceCell(priceRow, ColPricePoints)},\"\")", CellStyle.Points);
            sheet.Formula(row, 10, $"IF(ISNUMBER({PriceCell(priceRow, ColTotal)}),{PriceCell(priceRow, ColTotal)},\"\")", CellStyle.Total);
            if (points)
            {
                sheet.Formula(row, 11, $"IF(ISNUMBER({PriceCell(priceRow, ColDeclaredTotal)}),{PriceCell(priceRow, ColDeclaredTotal)},\"\")", CellStyle.Points);
            }

            row++;
        }

        row++;
        if (_lot.Gates.Count > 0 && _bids.Count > 0)
        {
            sheet.Text(row, 1, "Gates", CellStyle.Header);
            for (var g = 0; g < _lot.Gates.Count; g++)
            {
                sheet.Text(row, 2 + g, $"{_lot.Gates[g].Id} {_lot.Gates[g].Title}", CellStyle.Header);
            }

            row++;
            foreach (var result in _result.Bids)
            {
                sheet.Text(row, 1, result.Bid.Provider);
                for (var g = 0; g < result.Gates.Count; g++)
                {
                    sheet.Text(row, 2 + g, result.Gates[g].Status switch
                    {
                        GateStatus.Passed => "Passed",
                        GateStatus.Failed => "Failed",
                        _ => "Not decided",
                    });
                }

                row++;
            }

            row++;
        }

        var decisions = _pack.GateDecisions.Where(d => _byId.ContainsKey(d.BidId)).ToList();
        var names = _tender.Evaluators.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);
        if (decisions.Count > 0)
        {
            Headers(sheet, row, "Gate decision", "Provider", "Gate", "Outcome", "Reason", "Decided by");
            row++;
            foreach (var d in decisions)
            {
                sheet.Text(row, 2, _byId[d.BidId].Bid.Provider);
                sheet.Text(row, 3, d.GateId);
                sheet.Text(row, 4, d.Passed ? "Passed" : "Failed");
                sheet.Text(row, 5, d.Reason, CellStyle.Wrap);
                sheet.Text(row, 6, names.GetValueOrDefault(d.DecidedBy, d.DecidedBy));
                row++;
            }

            row++;
        }

        var priceDecisions = _pack.LowPriceDecisions.Where(d => _byId.ContainsKey(d.BidId)).ToList();
        if (priceDecisions.Count > 0)
        {
            Headers(sheet, row, "Low price decision", "Provider", "Bid", "Outcome", "Reason", "Decided by");
            row++;
            foreach (var d in priceDecisions)
            {
                sheet.Text(row, 2, _byId[d.BidId].Bid.Provider);
                sheet.Text(row, 3, d.BidId);
                sheet.Text(row, 4, d.Outcome == LowPriceOutcome.Excluded ? "Excluded" : "Accepted");
                sheet.Text(row, 5, d.Reason, CellStyle.Wrap);
                sheet.Text(row, 6, names.GetValueOrDefault(d.DecidedBy, d.DecidedBy));
                row++;
            }

            row++;
        }

        return row + 1;
    }

    public LotMap Map()
    {
        var bids = new Dictionary<string, BidMap>(StringComparer.Ordinal);
        for (var b = 0; b < _bids.Count; b++)
        {
            var row = PriceRow(b);
            var column = QualityColumn(b);
            bids[_bids[b].Id] = new BidMap
            {
                BidId = _bids[b].Id,
                Eligible = new CellPlace(Price.Name, row, ColEligible),
                QualityPercent = new CellPlace(Quality.Name, _qualityPercentRow, column),
                RelativeQualityPercent = _lot.QualityMethod == QualityMethod.Relative ? new CellPlace(Quality.Name, _relativeRow, column) : null,
                QualityPoints = new CellPlace(Quality.Name, _qualityPointsRow, column),
                PricePoints = new CellPlace(Price.Name, row, ColPricePoints),
                PricePerQualityPoint = new CellPlace(Price.Name, row, ColPerPoint),
                Total = new CellPlace(Price.Name, row, ColTotal),
                Rank = new CellPlace(Price.Name, row, ColRank),
                SectionPercent = _lot.Sections.ToDictionary(s => s.Id, s => new CellPlace(Quality.Name, _sectionPercentRow[s.Id], column), StringComparer.Ordinal),
                FinalScore = _questions.ToDictionary(q => q.Id, q => new CellPlace(Quality.Name, _questionRow[q.Id], column), StringComparer.Ordinal),
            };
        }

        return new LotMap
        {
            LotId = _lot.Id,
            QualitySheet = Quality.Name,
            PriceSheet = Price.Name,
            ModerationSheet = Moderation.Name,
            EvaluatorSheets = _evaluators.Select((e, i) => (e.Id, EvaluatorSheets[i].Name)).ToDictionary(x => x.Id, x => x.Name, StringComparer.Ordinal),
            Leader = new CellPlace("Summary", _leaderRow, 2),
            Bids = bids,
        };
    }

    private static void Headers(SheetModel sheet, int row, params string[] headers)
    {
        for (var c = 0; c < headers.Length; c++)
        {
            if (headers[c].Length > 0)
            {
                sheet.Text(row, c + 1, headers[c], CellStyle.Header);
            }
        }
    }

    private static string GateWords(BidResult result)
    {
        var failed = result.Gates.Where(g => g.Status == GateStatus.Failed).Select(g => g.Gate.Id).ToList();
        var open = result.Gates.Where(g => g.Status == GateStatus.NotAssessed).Select(g => g.Gate.Id).ToList();
        return failed.Count > 0 ? "Failed: " + string.Join(", ", failed)
            : open.Count > 0 ? "Not decided: " + string.Join(", ", open)
            : result.Gates.Count == 0 ? "No gates" : "All passed";
    }

    private static string PriceCheckWords(LowPriceCheck? check) => check switch
    {
        null => "Not checked",
        { Decision.Outcome: LowPriceOutcome.Excluded } => "Excluded after the bidder was asked to explain it",
        { Decision.Outcome: LowPriceOutcome.Accepted } => "Accepted after the bidder was asked to explain it",
        { Flagged: true } => $"Below {Rounding.Percent(check.Percent)} of the median: not yet resolved",
        _ => "Not flagged",
    };

    private static string ExclusionWords(BidResult result)
    {
        var reasons = new List<string>();
        var failed = result.Gates.Where(g => g.Status == GateStatus.Failed).Select(g => g.Gate.Id).ToList();
        if (failed.Count > 0)
        {
            reasons.Add("failed gate " + string.Join(", ", failed));
        }

        var questions = result.Sections.SelectMany(s => s.Questions).Where(q => q.BelowMinimum).Select(q => q.Question.Id).ToList();
        if (questions.Count > 0)
        {
            reasons.Add("below the minimum score on " + string.Join(", ", questions));
        }

        var sections = result.Sections.Where(s => s.BelowMinimum).Select(s => s.Section.Id).ToList();
        if (sections.Count > 0)
        {
            reasons.Add("below the minimum for section " + string.Join(", ", sections));
        }

        if (result.ExcludedForLowPrice)
        {
            reasons.Add("abnormally low price");
        }

        if (!result.Eligible && reasons.Count == 0)
        {
            reasons.Add("quality below the lot's minimum");
        }

        return reasons.Count == 0 ? string.Empty : char.ToUpperInvariant(reasons[0][0]) + string.Join("; ", reasons)[1..];
    }
}
