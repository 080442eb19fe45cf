using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Commissioning.Application;
using Commissioning.Application.Accounts;
using Commissioning.Application.Tenders;
using Commissioning.Core.Files;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Standards;
using Commissioning.Core.Tenders;
using Commissioning.Tests.Files;
using Commissioning.Tests.Support;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.Playwright;

namespace Commissioning.Tests.Browser;

/// <summary>
/// The XSS corpus (<see cref="XssCorpus"/>) through every free-text field of the evaluation
/// journey, viewed in Chromium on every page that shows it, as each role that can see it. Every
/// payload is stored through the application's handlers, spread so that each field holds each
/// payload at least once (one payload a place where there are enough places, several joined where
/// a field has one value, or the field set again and again); a few go through each real form too,
/// including the ones the forms refuse, whose redisplay must show them back safely. On every page:
/// no dialog opened, the <c>window.__x</c> trap never set, no content security policy violation
/// (a blocked attempt is still an attempt), no element a payload would make (script, event
/// handler attribute, javascript: or data: URL, iframe, base, meta refresh, form to elsewhere,
/// MathML, SVG animation), and each payload's text shown as text. The evaluation report and the
/// assessment summaries are opened in the browser as downloaded (with no content security policy
/// to stop anything), and their Markdown is checked to carry no HTML and no live link.
/// </summary>
public sealed class XssCorpusBrowserTests : BrowserTest
{
    private const string OwnerEmail = "xss.owner@example.nhs.uk";
    private const string AlexEmail = "xss.alex@example.nhs.uk";
    private const string SamEmail = "xss.sam@example.nhs.uk";
    private const string RobinEmail = "xss.robin@example.nhs.uk";
    private const string KimEmail = "xss.kim@example.nhs.uk";
    private const string OluEmail = "xss.olu@example.nhs.uk";

    /// <summary>Bids in each lot of the corpus tender: with three questions, 30 items, so about three payloads a rationale or consensus (the long ones alone).</summary>
    private const int BidsPerLot = 5;

    private static readonly string[] Questions = ["Q1", "Q2", "Q3"];

    private static readonly string[] PanelGates = ["G2", "G3"];

    /// <summary>
    /// Run in every page before its own scripts: a trap on <c>window.__x</c>, the dialogs wrapped
    /// so that each call is recorded (the dialog itself is still opened, and dismissed by the
    /// test), and every content security policy violation the page reports.
    /// </summary>
    private const string Trap = """
        (() => {
          if (window.__xssHits) return;
          const hits = [];
          Object.defineProperty(window, '__xssHits', { value: hits });
          Object.defineProperty(window, '__x', { configurable: false, get() { return undefined; }, set(v) { hits.push('window.__x was set to ' + v); } });
          for (const name of ['alert', 'confirm', 'prompt', 'print']) {
            const original = window[name];
            window[name] = function (...args) { hits.push(name + '(' + args.join(',') + ') was called'); return name === 'print' || !original ? undefined : original.apply(window, args); };
          }
          document.addEventListener('securitypolicyviolation', e => hits.push('content security policy violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + (e.sample ? ' (' + e.sample + ')' : '')), true);
        })();
        """;

    /// <summary>
    /// What a page shows after it has loaded: anything the trap caught, any element or attribute a
    /// payload would have made, and the page's text (with the values of its form fields).
    /// </summary>
    private const string Inspect = """
        async () => {
          await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
          const problems = [...(window.__xssHits || [])];
          const origin = location.origin;
          const ours = v => { try { return origin !== 'null' && new URL(v, location.href).origin === origin; } catch { return false; } };
          const squash = v => (v || '').replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
          const urls = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'lowsrc', 'dynsrc', 'codebase', 'ping', 'srcset', 'values', 'to', 'from', 'by'];
          for (const el of document.querySelectorAll('*')) {
            const tag = el.tagName.toLowerCase();
            for (const a of el.attributes) {
              const n = a.name.toLowerCase();
              if (n.startsWith('on')) problems.push(`<${tag}> has the event handler attribute ${n}="${a.value}"`);
              if (n === 'srcdoc') problems.push(`<${tag}> has srcdoc`);
              if (urls.includes(n) && /^(javascript|vbscript|data|livescript):/.test(squash(a.value))) problems.push(`<${tag} ${n}="${a.value}">`);
              if (n === 'style' && /expression|javascript:|url\(/i.test(a.value)) problems.push(`<${tag} style="${a.value}">`);
            }
          }
          const made = 'iframe, frame, frameset, object, embed, applet, base, meta[http-equiv], link[rel=import], math, marquee, video, audio, source, portal, xmp, plaintext, listing, noembed, noframes, animate, set, animateMotion, animateTransform, foreignObject, body style, body title:not(svg title), body meta, body link';
          for (const el of document.querySelectorAll(made)) problems.push(`an element <${el.tagName.toLowerCase()}> is on the page`);
          for (const s of document.scripts) if (!s.hasAttribute('src') || !ours(s.getAttribute('src'))) problems.push(`a script not the site's own: ${s.outerHTML.slice(0, 120)}`);
          for (const img of document.images) if (!ours(img.getAttribute('src'))) problems.push(`an image not the site's own: ${img.outerHTML.slice(0, 120)}`);
          for (const f of document.forms) if (origin === 'null' || (f.hasAttribute('action') && !ours(f.getAttribute('action')))) problems.push(`a form to elsewhere: ${f.outerHTML.slice(0, 120)}`);
          if (origin === 'null') for (const c of document.querySelectorAll('input, button, textarea, select')) problems.push(`a form control in a document: ${c.outerHTML.slice(0, 120)}`);
          const values = [...document.querySelectorAll('textarea, input')].map(e => e.value).join('\n');
          return { problems, url: location.href, text: document.title + '\n' + (document.body ? document.body.textContent : '') + '\n' + values };
        }
        """;

    private readonly List<string> _problems = [];
    private readonly Dictionary<string, IPage> _signedIn = new(StringComparer.Ordinal);
    private readonly Dictionary<IPage, int> _violationsSeen = [];
    private int _views;

    /// <summary>A payload expected on a page: its name and its text as the field took it.</summary>
    private sealed record Shown(string Name, string Text);

    private static IEnumerable<Shown> Of(params IEnumerable<XssValue>[] values) =>
        values.SelectMany(v => v).SelectMany(v => v.Payloads.Zip(v.Shown, (p, s) => new Shown(p.Name, s)));

    private static IEnumerable<Shown> Of(XssValue value) => Of([value]);

    [SetUp]
    public void ClearProblems()
    {
        _problems.Clear();
        _views = 0;
    }

    [Test]
    public async Task EveryFieldStoredThroughTheHandlers_EveryPageThatShowsIt_ShowsEachPayloadAsTextAndRunsNothing()
    {
        var clock = Stopwatch.StartNew();
        await AccountsAsync();
        var calls = TenderCalls.Of(Site.Services);
        var owner = await UserAsync(OwnerEmail);
        var alex = await UserAsync(AlexEmail);
        var sam = await UserAsync(SamEmail);
        var robin = await UserAsync(RobinEmail);
        var kim = await UserAsync(KimEmail);
        var pack = Pack(BidsPerLot);
        var id = await ImportAsync(calls, owner, pack);
        var tender = $"{BaseUrl}/tenders/{id}";
        await MoveAsync(calls, owner, id, TenderStage.OpenForBids);
        await MoveAsync(calls, owner, id, TenderStage.Evaluation);
        var ownerPage = await SignedInAsync(OwnerEmail);
        var alexPage = await SignedInAsync(AlexEmail);
        var samPage = await SignedInAsync(SamEmail);
        var robinPage = await SignedInAsync(RobinEmail);
        var kimPage = await SignedInAsync(KimEmail);
        var oluPage = await SignedInAsync(OluEmail);
        var everything = new List<XssValue>();

        // Conflicts of interest, declared and decided again and again: each round both evaluators
        // declare (the details), the pages that show a declaration waiting are viewed, the owner
        // decides (the reason), and the pages that show the decision are viewed. Sam is stood
        // down in the first round (the other message); every last decision lets them score.
        var details = XssCorpus.Pack(XssCorpus.Fields.Declaration);
        var reasons = XssCorpus.Pack(XssCorpus.Fields.ConflictDecision);
        var rounds = (Math.Max(details.Count, reasons.Count) + 1) / 2;
        var evaluators = new[] { (Key: "e1", User: alex, Page: alexPage), (Key: "e2", User: sam, Page: samPage) };
        for (var round = 0; round < rounds; round++)
        {
            var declared = new Dictionary<string, XssValue>(StringComparer.Ordinal);
            var decided = new Dictionary<string, XssValue>(StringComparer.Ordinal);
            for (var e = 0; e < evaluators.Length; e++)
            {
                var (key, user, _) = evaluators[e];
                declared[key] = details[((2 * round) + e) % details.Count].Labelled($"Declared by {key}, round {round + 1}:");
                decided[key] = reasons[((2 * round) + e) % reasons.Count].Labelled($"Decided on {key}, round {round + 1}:");
                Succeeds(await calls.DeclareAsync(user, id, key, hasConflict: true, declared[key].Stored), $"{key} declares");
            }

            everything.AddRange(declared.Values);
            everything.AddRange(decided.Values);
            foreach (var (key, _, page) in evaluators)
            {
                await ViewAsync(page, tender + "/evaluate", $"{key}'s worklist, waiting for a decision", Of(declared[key]));
                await ViewAsync(ownerPage, tender + $"/conflicts/decide?evaluator={key}", $"the decision page for {key}", Of(declared[key]));
            }

            await ViewAsync(ownerPage, tender + "/conflicts", "the conflicts page, waiting", Of(declared.Values));
            var declarations = (await calls.ConflictsAsync(owner, id)).Value;
            foreach (var (key, _, _) in evaluators)
            {
                var mayContinue = !(round == 0 && key == "e2" && rounds > 1);
                Succeeds(await calls.DecideConflictAsync(owner, id, key, mayContinue, decided[key].Stored, declarations.Single(d => d.EvaluatorId == key).Version), $"deciding on {key}");
            }

            await ViewAsync(ownerPage, tender + "/conflicts", "the conflicts page, decided", Of(declared.Values, decided.Values));
            await ViewAsync(oluPage, tender + "/conflicts", "the conflicts page, decided, as an observer", Of(declared.Values, decided.Values));
            foreach (var (key, _, page) in evaluators)
            {
                await ViewAsync(page, tender + "/evaluate", $"{key}'s worklist, decided", Of(decided[key]));
            }
        }

        Progress(clock, "conflicts");

        // Scores: one payload a rationale for each evaluator (Alex from the first payload, Sam from
        // the middle of the list), Alex 3 and Sam 1, so that every item is a flagged spread.
        var items = (from bid in pack.Bids from question in Questions select (Bid: bid.Id, Lot: bid.LotId, Question: question)).ToList();
        var rationales = new Dictionary<(string Evaluator, string Bid, string Question), XssValue>();
        var alexSays = XssCorpus.Spread(XssCorpus.Fields.Rationale, items.Count).Select((v, i) => v.Labelled($"e1 on {items[i].Bid} {items[i].Question}:")).ToList();
        var samSays = XssCorpus.Spread(XssCorpus.Fields.Rationale, items.Count, offset: XssCorpus.Payloads.Count / 2).Select((v, i) => v.Labelled($"e2 on {items[i].Bid} {items[i].Question}:")).ToList();
        for (var i = 0; i < items.Count; i++)
        {
            var (bid, _, question) = items[i];
            rationales[("e1", bid, question)] = alexSays[i];
            rationales[("e2", bid, question)] = samSays[i];
            Succeeds(await calls.SaveScoreAsync(alex, id, new EvaluatorScore { EvaluatorId = "e1", BidId = bid, QuestionId = question, Score = 3m, Rationale = alexSays[i].Stored }, null), $"e1 scores {bid} {question}");
            Succeeds(await calls.SaveScoreAsync(sam, id, new EvaluatorScore { EvaluatorId = "e2", BidId = bid, QuestionId = question, Score = 1m, Rationale = samSays[i].Stored }, null), $"e2 scores {bid} {question}");
        }

        everything.AddRange(rationales.Values);
        Progress(clock, "scores stored");

        // Alex's drafts, each in the scoring page's text box; the queue and the check page.
        foreach (var (bid, _, question) in items)
        {
            await ViewAsync(alexPage, tender + $"/evaluate/score?evaluator=e1&bid={bid}&question={question}", $"e1's draft of {bid} {question}", Of(rationales[("e1", bid, question)]));
        }

        await ViewAsync(alexPage, tender + "/evaluate", "e1's worklist with drafts", []);
        await ViewAsync(alexPage, tender + "/evaluate/check?evaluator=e1", "e1's check page with drafts", []);
        foreach (var bid in pack.Bids)
        {
            await ViewAsync(alexPage, tender + $"/scores?bid={bid.Id}", $"the scores page of {bid.Id}, e1's drafts", Of(Questions.Select(q => rationales[("e1", bid.Id, q)])));
        }

        Progress(clock, "drafts viewed");

        Succeeds(await calls.SubmitScoresAsync(alex, id, "e1"), "e1 submits");
        Succeeds(await calls.SubmitScoresAsync(sam, id, "e2"), "e2 submits");

        // Sam's submitted scores, each as the locked scoring page shows it.
        foreach (var (bid, _, question) in items)
        {
            await ViewAsync(samPage, tender + $"/evaluate/score?evaluator=e2&bid={bid}&question={question}", $"e2's submitted score of {bid} {question}", Of(rationales[("e2", bid, question)]));
        }

        await ViewAsync(samPage, tender + "/evaluate/check?evaluator=e2", "e2's check page, submitted", []);
        var bothOn = (string bid) => Of(Questions.SelectMany(q => new[] { rationales[("e1", bid, q)], rationales[("e2", bid, q)] })).ToList();
        foreach (var bid in pack.Bids)
        {
            await ViewAsync(ownerPage, tender + $"/scores?bid={bid.Id}", $"the scores page of {bid.Id}, as the owner", bothOn(bid.Id));
        }

        await ViewAsync(samPage, tender + $"/scores?bid={pack.Bids[0].Id}", "the scores page, as e2 once both submitted", bothOn(pack.Bids[0].Id));
        await ViewAsync(oluPage, tender + $"/scores?bid={pack.Bids[0].Id}", "the scores page, as an observer", bothOn(pack.Bids[0].Id));
        await ViewAsync(robinPage, tender + $"/scores?bid={pack.Bids[0].Id}", "the scores page, as a moderator", bothOn(pack.Bids[0].Id));
        Progress(clock, "submitted viewed");

        // Moderation: a consensus on every item, both panel gates and a price decision on every
        // bid. The second bid of each lot fails G3 and the third is excluded on price, so the
        // results and documents give those reasons as why a bid is excluded.
        await MoveAsync(calls, owner, id, TenderStage.Moderation);
        var moderators = new Dictionary<string, (SiteUser User, IPage Page, string Key)>(StringComparer.Ordinal) { ["lot-1"] = (robin, robinPage, "m1"), ["lot-2"] = (kim, kimPage, "m2") };
        var consensus = new Dictionary<(string Bid, string Question), XssValue>();
        var agreed = XssCorpus.Spread(XssCorpus.Fields.Consensus, items.Count, offset: XssCorpus.Payloads.Count / 3).Select((v, i) => v.Labelled($"Agreed on {items[i].Bid} {items[i].Question}:")).ToList();
        for (var i = 0; i < items.Count; i++)
        {
            var (bid, lot, question) = items[i];
            consensus[(bid, question)] = agreed[i];
            Succeeds(await calls.ModerateAsync(moderators[lot].User, id, new ModeratedScore { BidId = bid, QuestionId = question, Score = 2m, Reason = agreed[i].Stored, ModeratorId = moderators[lot].Key }, null), $"consensus on {bid} {question}");
        }

        var gates = new Dictionary<(string Bid, string Gate), XssValue>();
        var gateSlots = (from bid in pack.Bids from gate in PanelGates select (Bid: bid.Id, Lot: bid.LotId, Gate: gate)).ToList();
        var gateReasons = XssCorpus.Spread(XssCorpus.Fields.Gate, gateSlots.Count, offset: 7).Select((v, i) => v.Labelled($"{gateSlots[i].Gate} of {gateSlots[i].Bid}:")).ToList();
        for (var i = 0; i < gateSlots.Count; i++)
        {
            var (bid, lot, gate) = gateSlots[i];
            gates[(bid, gate)] = gateReasons[i];
            var fails = gate == "G3" && bid == BidId(lot, 1);
            Succeeds(await calls.RecordGateDecisionAsync(moderators[lot].User, id, new GateDecision { BidId = bid, GateId = gate, Passed = !fails, Reason = gateReasons[i].Stored, DecidedBy = moderators[lot].Key }, null), $"gate {gate} of {bid}");
        }

        var prices = new Dictionary<string, XssValue>(StringComparer.Ordinal);
        var priceReasons = XssCorpus.Spread(XssCorpus.Fields.LowPrice, pack.Bids.Count, offset: 11).Select((v, i) => v.Labelled($"Price of {pack.Bids[i].Id}:")).ToList();
        for (var i = 0; i < pack.Bids.Count; i++)
        {
            var bid = pack.Bids[i];
            prices[bid.Id] = priceReasons[i];
            var outcome = bid.Id == BidId(bid.LotId, 2) ? LowPriceOutcome.Excluded : LowPriceOutcome.Accepted;
            Succeeds(await calls.RecordLowPriceDecisionAsync(moderators[bid.LotId].User, id, bid.Id, outcome, priceReasons[i].Stored, null), $"price of {bid.Id}");
        }

        everything.AddRange(consensus.Values);
        everything.AddRange(gates.Values);
        everything.AddRange(prices.Values);
        Progress(clock, "moderation stored");

        foreach (var (lot, (_, page, _)) in moderators)
        {
            var onLot = items.Where(x => x.Lot == lot).ToList();
            var shown = Of(
                onLot.SelectMany(x => new[] { rationales[("e1", x.Bid, x.Question)], rationales[("e2", x.Bid, x.Question)], consensus[(x.Bid, x.Question)] }),
                gateSlots.Where(g => g.Lot == lot).Select(g => gates[(g.Bid, g.Gate)]),
                pack.Bids.Where(b => b.LotId == lot).Select(b => prices[b.Id])).ToList();
            await ViewAsync(page, tender + $"/moderate?lot={lot}", $"the moderation overview of {lot}", shown);
            await ViewAsync(ownerPage, tender + $"/moderate?lot={lot}", $"the moderation overview of {lot}, as the owner", shown);
        }

        foreach (var (bid, lot, question) in items)
        {
            await ViewAsync(moderators[lot].Page, tender + $"/moderate/consensus?bid={bid}&question={question}", $"the consensus page of {bid} {question}",
                Of([rationales[("e1", bid, question)], rationales[("e2", bid, question)], consensus[(bid, question)]]));
        }

        foreach (var (bid, lot, gate) in gateSlots)
        {
            await ViewAsync(moderators[lot].Page, tender + $"/moderate/gate?bid={bid}&gate={gate}", $"the gate page of {bid} {gate}", Of(gates[(bid, gate)]));
        }

        foreach (var bid in pack.Bids)
        {
            await ViewAsync(moderators[bid.LotId].Page, tender + $"/moderate/price?bid={bid.Id}", $"the price page of {bid.Id}", Of(prices[bid.Id]));
        }

        // The owner's view of one of each.
        var first = items[0];
        await ViewAsync(ownerPage, tender + $"/moderate/consensus?bid={first.Bid}&question={first.Question}", "the consensus page, as the owner",
            Of([rationales[("e1", first.Bid, first.Question)], rationales[("e2", first.Bid, first.Question)], consensus[(first.Bid, first.Question)]]));
        await ViewAsync(ownerPage, tender + $"/moderate/gate?bid={first.Bid}&gate=G2", "the gate page, as the owner", Of(gates[(first.Bid, "G2")]));
        await ViewAsync(ownerPage, tender + $"/moderate/price?bid={first.Bid}", "the price page, as the owner", Of(prices[first.Bid]));
        Progress(clock, "moderation viewed");

        // Going back a stage, with a reason each time: the audit trail keeps every one.
        var stageReasons = XssCorpus.Spread(XssCorpus.Fields.StageMove, 8, offset: 5).Select((v, i) => v.Labelled($"Back to moderation, {i + 1}:")).ToList();
        foreach (var reason in stageReasons)
        {
            await MoveAsync(calls, owner, id, TenderStage.AwardRecommended);
            await MoveAsync(calls, owner, id, TenderStage.Moderation, reason: reason.Stored);
        }

        everything.AddRange(stageReasons);
        await MoveAsync(calls, owner, id, TenderStage.AwardRecommended);
        Progress(clock, "stage moves");

        // The award decision of each lot, recorded again and again: who approved it and the note.
        var approvers = XssCorpus.Pack(XssCorpus.Fields.Approver);
        var notes = XssCorpus.Pack(XssCorpus.Fields.AwardNote);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var awardRounds = (Math.Max(approvers.Count, notes.Count) + 1) / 2;
        var lots = pack.Tender.Lots.Select(l => l.Id).ToList();
        var awarded = new Dictionary<string, (XssValue By, XssValue Note)>(StringComparer.Ordinal);
        for (var round = 0; round < awardRounds; round++)
        {
            for (var l = 0; l < lots.Count; l++)
            {
                var by = approvers[((2 * round) + l) % approvers.Count].Labelled($"Approver, {lots[l]}, round {round + 1}:");
                var note = notes[((2 * round) + l) % notes.Count].Labelled($"Note, {lots[l]}, round {round + 1}:");
                awarded[lots[l]] = (by, note);
                everything.Add(by);
                everything.Add(note);
                Succeeds(await calls.RecordAwardAsync(owner, id, lots[l], by.Stored, today, note.Stored), $"award of {lots[l]}");
            }

            var current = Of(awarded.Values.Select(a => a.By), awarded.Values.Select(a => a.Note)).ToList();
            await ViewAsync(ownerPage, tender + "/award", $"the award page, round {round + 1}", current);
            await ViewAsync(ownerPage, tender + "/award/notices", $"the notices page, round {round + 1}", Of(awarded.Values.Select(a => a.Note)));
        }

        var finalAward = Of(awarded.Values.Select(a => a.By), awarded.Values.Select(a => a.Note)).ToList();
        await ViewAsync(oluPage, tender + "/award", "the award page, as an observer", finalAward);
        await ViewAsync(alexPage, tender + "/award", "the award page, as an evaluator", finalAward);
        await ViewAsync(robinPage, tender + "/award", "the award page, as a moderator", finalAward);
        await ViewAsync(oluPage, tender + "/award/notices", "the notices page, as an observer", Of(awarded.Values.Select(a => a.Note)));
        await DocumentAsync(ownerPage, tender + "/award/notices?handler=Html", tender + "/award/notices?handler=Markdown", "the notices document", finalAward);
        Progress(clock, "award");

        // Results, for everyone who may see them now: the reasons a bid is excluded.
        // Why a bid is not ranked: its failed gate's reason, and its price decision's reason for
        // those who may see prices (this tender keeps them from evaluators and moderators).
        var excludedWhy = Of(lots.SelectMany(lot => new[] { gates[(BidId(lot, 1), "G3")], prices[BidId(lot, 2)] })).ToList();
        await ViewAsync(ownerPage, tender + "/results", "the results page, as the owner", excludedWhy);
        await ViewAsync(oluPage, tender + "/results", "the results page, as an observer", excludedWhy);
        await ViewAsync(alexPage, tender + "/results", "the results page, as an evaluator", Of(lots.Select(lot => gates[(BidId(lot, 1), "G3")])));
        await ViewAsync(robinPage, tender + "/results", "the results page, as a moderator", Of(gates[(BidId("lot-1", 1), "G3")]));
        await ViewAsync(ownerPage, tender + "/results/downloads", "the downloads page", []);

        // The tender's hub and its audit trail, which keeps every value ever recorded.
        await ViewAsync(ownerPage, tender, "the tender's hub", []);
        await ViewAsync(alexPage, tender, "the tender's hub, as an evaluator", []);
        await ViewAsync(ownerPage, tender + "/audit", "the audit trail", Of(everything));
        await ViewAsync(oluPage, tender + "/audit", "the audit trail, as an observer", Of(everything));
        Progress(clock, "results and audit");

        // The documents, opened in the browser as downloaded.
        var scoresOf = (string bid) => Questions.SelectMany(q => new[] { rationales[("e1", bid, q)], rationales[("e2", bid, q)], consensus[(bid, q)] });
        var report = Of(consensus.Values, gates.Values, prices.Values).ToList();
        await DocumentAsync(ownerPage, tender + "/results/downloads?handler=Report", "the evaluation report", report);
        foreach (var bid in pack.Bids)
        {
            await DocumentAsync(ownerPage, tender + $"/results/downloads?handler=Summary&bid={bid.Id}", $"the assessment summary of {bid.Id}",
                Of(scoresOf(bid.Id), PanelGates.Select(g => gates[(bid.Id, g)])));
        }

        // Evaluators and moderators may not download (the documents hold every price); observers may.
        await DocumentAsync(oluPage, tender + "/results/downloads?handler=Report", "the evaluation report, downloaded by an observer", report);
        Progress(clock, "documents");

        TestContext.Progress.WriteLine($"XSS corpus: {XssCorpus.Payloads.Count} payloads, {_views} page views, {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.That(_problems, Is.Empty, () => $"{_problems.Count} problems:\n" + string.Join("\n", _problems));
    }

    /// <summary>
    /// Cancellation reasons, on the tender's hub and its audit trail, as the owner and an observer:
    /// small tenders cancelled from draft, each with a share of the corpus.
    /// </summary>
    [Test]
    public async Task CancellationReasons_OnTheHubAndTheAuditTrail_ShowEachPayloadAsTextAndRunNothing()
    {
        var clock = Stopwatch.StartNew();
        await AccountsAsync();
        var calls = TenderCalls.Of(Site.Services);
        var owner = await UserAsync(OwnerEmail);
        var ownerPage = await SignedInAsync(OwnerEmail);
        var oluPage = await SignedInAsync(OluEmail);
        foreach (var reason in XssCorpus.Spread(XssCorpus.Fields.StageMove, 6).Select((v, i) => v.Labelled($"Cancelled, {i + 1}:")))
        {
            var id = await ImportAsync(calls, owner, Pack(1));
            await MoveAsync(calls, owner, id, TenderStage.Cancelled, reason: reason.Stored);
            var tender = $"{BaseUrl}/tenders/{id}";
            await ViewAsync(ownerPage, tender, "the hub of a cancelled tender", Of(reason));
            await ViewAsync(oluPage, tender, "the hub of a cancelled tender, as an observer", Of(reason));
            await ViewAsync(ownerPage, tender + "/audit", "the audit trail of a cancelled tender", Of(reason));
        }

        TestContext.Progress.WriteLine($"Cancellations: {_views} page views, {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.That(_problems, Is.Empty, () => $"{_problems.Count} problems:\n" + string.Join("\n", _problems));
    }

    /// <summary>
    /// Each real form, in the browser: first with payloads the text rules refuse (a control
    /// character, a direction override, a null), which must come back in the form with the error
    /// and run nothing; then with payloads the forms accept, saved and shown on the page after.
    /// </summary>
    [Test]
    public async Task EveryForm_RefusedAndAcceptedPayloads_ComeBackAsTextAndRunNothing()
    {
        var clock = Stopwatch.StartNew();
        await AccountsAsync();
        var calls = TenderCalls.Of(Site.Services);
        var owner = await UserAsync(OwnerEmail);
        var alex = await UserAsync(AlexEmail);
        var sam = await UserAsync(SamEmail);
        var pack = Pack(2);
        var id = await ImportAsync(calls, owner, pack);
        var tender = $"{BaseUrl}/tenders/{id}";
        await MoveAsync(calls, owner, id, TenderStage.OpenForBids);
        await MoveAsync(calls, owner, id, TenderStage.Evaluation);
        var ownerPage = await SignedInAsync(OwnerEmail);
        var alexPage = await SignedInAsync(AlexEmail);
        var robinPage = await SignedInAsync(RobinEmail);

        // The declaration.
        await alexPage.GotoAsync(tender + "/evaluate/declaration?evaluator=e1");
        await SubmitAsync(alexPage, () => alexPage.CheckAsync("input[name='Input.HasConflict'][value='yes']"), "#details", XssCorpus.Fields.Declaration, "button:has-text('Save your declaration')", 0, "the declaration", tender + "/evaluate");

        // The owner's decision.
        await ownerPage.GotoAsync(tender + "/conflicts/decide?evaluator=e1");
        await SubmitAsync(ownerPage, () => ownerPage.CheckAsync("input[name='Input.Decision'][value='continue']"), "#reason", XssCorpus.Fields.ConflictDecision, "button:has-text('Save the decision')", 1, "the conflict decision", tender + "/conflicts");

        // A score.
        var bid = pack.Bids[0].Id;
        await alexPage.GotoAsync(tender + $"/evaluate/score?evaluator=e1&bid={bid}&question=Q1");
        await SubmitAsync(alexPage, () => alexPage.CheckAsync("input[name='Input.Score'][value='4']"), "#rationale", XssCorpus.Fields.Rationale, "button[value='save']", 2, "the score", tender + $"/evaluate/score?evaluator=e1&bid={bid}&question=Q1");

        await calls.ScoreTheRestAsync(alex, id, "e1", 1m);
        await calls.ScoreTheRestAsync(sam, id, "e2", 1m);
        Succeeds(await calls.SubmitScoresAsync(alex, id, "e1"), "e1 submits");
        Succeeds(await calls.SubmitScoresAsync(sam, id, "e2"), "e2 submits");
        await MoveAsync(calls, owner, id, TenderStage.Moderation);

        // The consensus, a gate decision and a price decision, as the moderator of lot 1.
        await robinPage.GotoAsync(tender + $"/moderate/consensus?bid={bid}&question=Q1");
        await SubmitAsync(robinPage, () => robinPage.CheckAsync("input[name='Input.Score'][value='2']"), "#reason", XssCorpus.Fields.Consensus, "button:has-text('Save the consensus score')", 3, "the consensus", tender + $"/moderate/consensus?bid={bid}&question=Q1");
        await robinPage.GotoAsync(tender + $"/moderate/gate?bid={bid}&gate=G2");
        await SubmitAsync(robinPage, () => robinPage.CheckAsync("input[name='Input.Outcome'][value='pass']"), "#reason", XssCorpus.Fields.Gate, "button:has-text('Save the decision')", 4, "the gate decision", tender + $"/moderate/gate?bid={bid}&gate=G2");
        await robinPage.GotoAsync(tender + $"/moderate/price?bid={bid}");
        await SubmitAsync(robinPage, () => robinPage.CheckAsync("input[name='Input.Outcome'][value='Accepted']"), "#reason", XssCorpus.Fields.LowPrice, "button:has-text('Save the decision')", 5, "the price decision", tender + $"/moderate/price?bid={bid}");

        // The rest decided through the handlers, so the result is complete.
        foreach (var b in pack.Bids)
        {
            foreach (var gate in PanelGates.Where(g => !(b.Id == bid && g == "G2")))
            {
                Succeeds(await calls.RecordGateDecisionAsync(owner, id, new GateDecision { BidId = b.Id, GateId = gate, Passed = true, Reason = "Seen.", DecidedBy = "owner" }, null), $"gate {gate} of {b.Id}");
            }

            if (b.Id != bid)
            {
                Succeeds(await calls.RecordLowPriceDecisionAsync(owner, id, b.Id, LowPriceOutcome.Accepted, "Explained.", null), $"price of {b.Id}");
            }
        }

        // Back a stage, with a reason, through the confirmation page.
        await MoveAsync(calls, owner, id, TenderStage.AwardRecommended);
        await ownerPage.GotoAsync(tender + "/stage/moderation");
        await SubmitAsync(ownerPage, null, "#move-reason", XssCorpus.Fields.StageMove, "button:has-text('Confirm')", 6, "going back a stage", tender + "/audit");
        await MoveAsync(calls, owner, id, TenderStage.AwardRecommended);

        // The award decision: who approved it (one line) and the note.
        await ownerPage.GotoAsync(tender + "/award");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var note = FormValue(XssCorpus.Fields.AwardNote, 8, accepted: true);
        async Task AwardFormAsync()
        {
            await ownerPage.CheckAsync("input[name='Award.LotId'][value='lot-1']");
            await ownerPage.FillAsync("#award-approved-on-day", today.Day.ToString(CultureInfo.InvariantCulture));
            await ownerPage.FillAsync("#award-approved-on-month", today.Month.ToString(CultureInfo.InvariantCulture));
            await ownerPage.FillAsync("#award-approved-on-year", today.Year.ToString(CultureInfo.InvariantCulture));
            await ownerPage.FillAsync("#award-note", note.Text);
        }

        await SubmitAsync(ownerPage, AwardFormAsync, "#award-approved-by", XssCorpus.Fields.Approver, "button:has-text('Record the award decision')", 7, "the award decision", tender + "/award", also: Of(note));

        // Cancelled, with a reason: on the hub.
        await ownerPage.GotoAsync(tender + "/stage/cancelled");
        await SubmitAsync(ownerPage, null, "#move-reason", XssCorpus.Fields.StageMove, "button:has-text('Confirm')", 9, "the cancellation", tender);

        TestContext.Progress.WriteLine($"Forms: {_views} page views, {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.That(_problems, Is.Empty, () => $"{_problems.Count} problems:\n" + string.Join("\n", _problems));
    }

    /// <summary>
    /// Every free-text field of the set-up pages and of a bid entered by hand, typed into the real
    /// forms in Chromium: each text box and text area of each form filled with payloads (one-line
    /// payloads in a line, several joined in a text area) and submitted. Where the form refuses
    /// them (a number field, a reference's pattern), the page shows them back; where it accepts
    /// them, the set-up pages, the task list and the tender's page show them. Nothing may run or be
    /// made from them anywhere.
    /// </summary>
    [Test]
    public async Task SetupAndBidEntryForms_EveryFreeTextField_RunNothingWhetherRefusedOrSaved()
    {
        await AccountsAsync();
        var calls = TenderCalls.Of(Site.Services);
        var owner = await UserAsync(OwnerEmail);
        var definition = Pack(1).Tender;
        var draft = await ImportAsync(calls, owner, new TenderPack { Tender = definition });
        var open = await ImportAsync(calls, owner, new TenderPack { Tender = definition });
        await MoveAsync(calls, owner, open, TenderStage.OpenForBids);
        var page = await SignedInAsync(OwnerEmail);
        var (tender, openTender) = ($"{BaseUrl}/tenders/{draft}", $"{BaseUrl}/tenders/{open}");
        var section = definition.Lots[0].Sections[0];
        var turn = 20;
        var filled = 0;

        async Task FillAndSubmitAsync(string url, string button, string what)
        {
            await page.GotoAsync(url);
            var line = FormValue(XssCorpus.Fields.Approver, turn, accepted: true);
            var block = FormValue(XssCorpus.Fields.ConflictDecision, turn, accepted: true);
            turn++;
            var form = page.Locator("main form", new() { Has = page.Locator($"button:has-text('{button}')") });
            await form.First.EvaluateAsync("f => f.querySelectorAll('details').forEach(d => d.open = true)");
            var fields = await form.Locator("input[type=text]:visible, textarea:visible").AllAsync();
            if (fields.Count == 0)
            {
                _problems.Add($"{what}: no text field found at {url}");
            }

            foreach (var field in fields)
            {
                await field.FillAsync(await field.EvaluateAsync<string>("e => e.tagName") == "TEXTAREA" ? block.Text : line.Text);
                filled++;
            }

            await form.Locator($"button:has-text('{button}')").ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.Load);
            await CheckAsync(page, $"{what}, submitted", []);
        }

        await FillAndSubmitAsync(BaseUrl + "/tenders/new", "Create the tender", "a new tender");
        await FillAndSubmitAsync(tender + "/setup/details", "Save and return", "the details");
        await FillAndSubmitAsync(tender + "/setup/members/add", "Add the organisation", "a member");
        await FillAndSubmitAsync(tender + "/setup/lots", "Save the lots", "the lots");
        await FillAndSubmitAsync(tender + "/setup/criteria/questions?lot=lot-1", "Save the sections and questions", "the sections and questions");
        await FillAndSubmitAsync(tender + $"/setup/question?lot=lot-1&question={section.Questions[0].Id}", "Save the question", "a question's wording");
        await FillAndSubmitAsync(tender + $"/setup/question?lot=lot-1&section={section.Id}", "Add the question", "a custom question");
        await FillAndSubmitAsync(tender + "/setup/gates?lot=lot-1", "Save the gates", "the gates");
        await FillAndSubmitAsync(tender + "/setup/scale", "Save", "the scale");
        await FillAndSubmitAsync(openTender + "/bids/new?lot=lot-1", "Save the bid", "a bid by hand");

        foreach (var path in new[] { "", "/setup", "/setup/details", "/setup/members", "/setup/lots", "/setup/criteria?lot=lot-1", "/setup/criteria/questions?lot=lot-1", "/setup/gates?lot=lot-1", "/setup/scale", "/setup/price?lot=lot-1", "/setup/people", "/audit" })
        {
            await ViewAsync(page, tender + path, $"the draft{path}", []);
        }

        await ViewAsync(page, BaseUrl + "/tenders", "the tender list", []);
        TestContext.Progress.WriteLine($"Set-up forms: {filled} fields filled, {_views} page views");
        Assert.That(filled, Is.GreaterThan(40), "every text field of every form");
        Assert.That(_problems, Is.Empty, () => $"{_problems.Count} problems:\n" + string.Join("\n", _problems));
    }

    /// <summary>
    /// The provider's readiness form: every text field filled with corpus text and sent (refused,
    /// as the figures and dates are not numbers), then sent again with the figures, dates and
    /// evidence cleared so that the check is saved; the report, the list of checks and the report's
    /// documents show the check's name and the provider's name as text and run nothing.
    /// </summary>
    [Test]
    public async Task ReadinessForm_EveryFreeTextField_RunsNothing_AndTheReportAndItsDocumentsShowItAsText()
    {
        const string email = "xss.pat@northgate.example";
        await TestAccounts.CreateAsync(Site, email, organisation: "Northgate OH", organisationKind: OrganisationKind.Provider, displayName: "Pat Provider");
        var page = await SignedInAsync(email);
        var line = FormValue(XssCorpus.Fields.Approver, 40, accepted: true);
        await page.GotoAsync(BaseUrl + "/readiness/new");
        var form = page.Locator("main form");
        var fields = await form.Locator("input[type=text]:visible, textarea:visible").AllAsync();
        foreach (var field in fields)
        {
            await field.FillAsync(line.Text);
        }

        await page.GetByLabel("The standards, for no buyer in particular").CheckAsync();
        foreach (var (group, choice) in new[] { ("SEQOHS accreditation", "None"), ("ESR interface", "None"), ("Consultants' qualification", "CCT") })
        {
            await page.GetByRole(AriaRole.Group, new() { Name = group, Exact = true }).GetByLabel(choice, new() { Exact = true }).CheckAsync();
        }

        await form.Locator("button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.That(await page.Locator(".nhsuk-error-summary").CountAsync(), Is.EqualTo(1), "the figures and dates are refused");
        await CheckAsync(page, "the readiness form, refused", []);

        foreach (var id in new[] { "seqohs-date-day", "seqohs-date-month", "seqohs-date-year", "esr-date-day", "esr-date-month", "esr-date-year", "occupational-physicians", "oh-nurses", "other-clinical", "nursing-practice-teachers", "str-posts" })
        {
            await page.FillAsync("#" + id, "");
        }

        foreach (var evidence in await form.Locator("input[name^='Input.Evidence'][name$='.Item']").AllAsync())
        {
            await evidence.FillAsync("");
        }

        await form.Locator("button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        if (await page.Locator(".nhsuk-error-summary").CountAsync() > 0)
        {
            Assert.Fail("the readiness check was refused: " + await page.InnerTextAsync(".nhsuk-error-summary"));
        }

        var report = page.Url;
        await CheckAsync(page, "the readiness report", Of(line));
        await ViewAsync(page, BaseUrl + "/readiness", "the readiness checks", Of(line));
        await DocumentAsync(page, report + "?handler=Download", "the readiness report", Of(line));
        Assert.That(fields, Has.Count.GreaterThan(10), "every text field of the form");
        Assert.That(_problems, Is.Empty, () => $"{_problems.Count} problems:\n" + string.Join("\n", _problems));
    }

    /// <summary>
    /// A long unbroken run in typed text (a web address, a pasted token) wraps at 360 pixels wide
    /// on the pages that show the journey's free text, instead of widening the page so that it
    /// scrolls sideways (WCAG 2.2 1.4.10, reflow). It once did: the rationale in the consensus
    /// page's stacked table and the scores page's table, for example.
    /// </summary>
    [Test]
    public async Task LongUnbrokenText_AtPhoneWidth_WrapsInsteadOfWideningThePage()
    {
        await AccountsAsync();
        var calls = TenderCalls.Of(Site.Services);
        var owner = await UserAsync(OwnerEmail);
        var alex = await UserAsync(AlexEmail);
        var sam = await UserAsync(SamEmail);
        var robin = await UserAsync(RobinEmail);
        var pack = Pack(1);
        var id = await ImportAsync(calls, owner, pack);
        var tender = $"{BaseUrl}/tenders/{id}";
        var run = "https://example.invalid/" + string.Concat(Enumerable.Repeat("PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg", 4));
        var bid = pack.Bids[0].Id;
        await MoveAsync(calls, owner, id, TenderStage.OpenForBids);
        await MoveAsync(calls, owner, id, TenderStage.Evaluation);
        Succeeds(await calls.DeclareAsync(alex, id, "e1", hasConflict: true, "Declared: " + run), "e1 declares");
        var version = (await calls.ConflictsAsync(owner, id)).Value.Single(d => d.EvaluatorId == "e1").Version;
        Succeeds(await calls.DecideConflictAsync(owner, id, "e1", mayContinue: true, "Decided: " + run, version), "deciding");
        Succeeds(await calls.SaveScoreAsync(alex, id, new EvaluatorScore { EvaluatorId = "e1", BidId = bid, QuestionId = "Q1", Score = 3m, Rationale = "Alex: " + run }, null), "e1 scores");
        await calls.ScoreTheRestAsync(alex, id, "e1");
        await calls.ScoreTheRestAsync(sam, id, "e2", 0m);
        Succeeds(await calls.SubmitScoresAsync(alex, id, "e1"), "e1 submits");
        Succeeds(await calls.SubmitScoresAsync(sam, id, "e2"), "e2 submits");
        await MoveAsync(calls, owner, id, TenderStage.Moderation);
        Succeeds(await calls.ModerateAsync(robin, id, new ModeratedScore { BidId = bid, QuestionId = "Q1", Score = 2m, Reason = "Agreed: " + run, ModeratorId = "m1" }, null), "consensus");
        Succeeds(await calls.RecordGateDecisionAsync(robin, id, new GateDecision { BidId = bid, GateId = "G2", Passed = true, Reason = "Gate: " + run, DecidedBy = "m1" }, null), "gate");
        Succeeds(await calls.RecordLowPriceDecisionAsync(robin, id, bid, LowPriceOutcome.Accepted, "Price: " + run, null), "price");

        var pages = new (string Email, string Path)[]
        {
            (AlexEmail, $"/evaluate/score?evaluator=e1&bid={bid}&question=Q1"),
            (AlexEmail, "/evaluate"),
            (OwnerEmail, "/conflicts"),
            (OwnerEmail, $"/scores?bid={bid}"),
            (RobinEmail, "/moderate?lot=lot-1"),
            (RobinEmail, $"/moderate/consensus?bid={bid}&question=Q1"),
            (RobinEmail, $"/moderate/gate?bid={bid}&gate=G2"),
            (RobinEmail, $"/moderate/price?bid={bid}"),
            (OwnerEmail, "/audit"),
        };
        var wide = new List<string>();
        foreach (var (email, path) in pages)
        {
            var page = await SignedInAsync(email);
            await page.SetViewportSizeAsync(360, 800);
            await page.GotoAsync(tender + path);
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (width > 360)
            {
                wide.Add($"{path} is {width} pixels wide");
            }
        }

        Assert.That(wide, Is.Empty, "pages that scroll sideways at 360 pixels");
    }

    /// <summary>
    /// The checks themselves, shown to catch what they look for: each payload that holds markup,
    /// written raw into a page (as a page with the bug would write it, and with no content
    /// security policy), is reported; and those that run are seen running.
    /// </summary>
    [Test]
    public async Task TheChecks_EachPayloadWrittenRawIntoAPage_AreReported()
    {
        var page = await BlankPageAsync();
        var unseen = new List<string>();
        var ran = new List<string>();

        // Those that hold a tag, a comment or a character reference: the rest read the same written raw.
        foreach (var payload in XssCorpus.Payloads.Where(p => System.Text.RegularExpressions.Regex.IsMatch(p.Text, "<[A-Za-z/!?]|&[#A-Za-z]")))
        {
            var before = _problems.Count;
            await page.SetContentAsync($"<!DOCTYPE html><html><head><title>Raw</title></head><body><main><p>Why: {payload.Text}</p></main></body></html>");
            await page.WaitForTimeoutAsync(50);
            await CheckAsync(page, payload.Name, [new Shown(payload.Name, payload.Text)]);
            await page.EvaluateAsync("() => { window.__xssHits.length = 0; }");
            if (_problems.Count == before)
            {
                unseen.Add(payload.Name);
            }

            if (_problems.Skip(before).Any(p => p.Contains("was called", StringComparison.Ordinal) || p.Contains("was set", StringComparison.Ordinal)))
            {
                ran.Add(payload.Name);
            }
        }

        TestContext.Progress.WriteLine($"Written raw: {ran.Count} payloads ran ({string.Join(", ", ran)}).");
        _problems.Clear();
        Assert.That(unseen, Is.Empty, "payloads written raw that the checks did not notice");
        Assert.That(ran, Is.SupersetOf(new[] { "script", "script upper case", "script mixed case, spaces", "img onerror", "img onerror, upper case", "svg onload", "details ontoggle", "body onload", "paragraph breakout" }),
            "the trap sees script run");
    }

    /// <summary>
    /// Several payloads for a form: the accepted ones (by the field's text rules) or the refused
    /// ones, chosen from the corpus by <paramref name="turn"/> so that each form gets different ones.
    /// The textarea breakout is always among the accepted.
    /// </summary>
    private static XssValue FormValue(XssField field, int turn, bool accepted)
    {
        var candidates = XssCorpus.Payloads.Where(p => p.PassesTheForms(field) == accepted && p.Text.Length < 500 && !p.Text.Contains('\0', StringComparison.Ordinal)).ToList();
        var chosen = Enumerable.Range(0, accepted ? 4 : 2).Select(i => candidates[((turn * 5) + (i * 7)) % candidates.Count]).ToList();
        if (accepted)
        {
            chosen.Insert(0, XssCorpus.Payloads.Single(p => p.Name == "textarea breakout"));
        }

        return XssValue.Of(field, chosen.Distinct().ToList());
    }

    /// <summary>
    /// Fills the field and submits three times: the payloads with null characters (refused, by the
    /// request guard or the form); payloads the text rules refuse (the page must show the error and
    /// the text back); then payloads the forms accept (the page after, and
    /// <paramref name="shownOn"/>, must show them). <paramref name="prepare"/> fills the rest of
    /// the form before each.
    /// </summary>
    private async Task SubmitAsync(IPage page, Func<Task>? prepare, string field, XssField kind, string button, int turn, string what, string shownOn, IEnumerable<Shown>? also = null)
    {
        var refused = FormValue(kind, turn, accepted: false);
        var accepted = FormValue(kind, turn, accepted: true);
        var form = page.Url;

        // A null character: the site will not read a form that holds one (its request guard
        // answers 400 with the error page, which shows nothing of what was sent).
        var withNull = XssValue.Of(kind, [.. XssCorpus.Payloads.Where(p => p.Text.Contains('\0', StringComparison.Ordinal))]);
        if (prepare is not null)
        {
            await prepare();
        }

        await page.FillAsync(field, withNull.Text);
        await page.ClickAsync(button);
        await page.WaitForLoadStateAsync(LoadState.Load);
        var title = await page.TitleAsync();
        if (title.StartsWith("Sorry, there was a problem with your request", StringComparison.Ordinal))
        {
            await CheckAsync(page, $"{what}, a null character refused by the request guard", []);
            await page.GotoAsync(form);
        }
        else if (await page.Locator(".nhsuk-error-summary").CountAsync() > 0)
        {
            await CheckAsync(page, $"{what}, a null character refused and shown again", Of(withNull));
        }
        else
        {
            _problems.Add($"{what}: the text with null characters was not refused (now at {page.Url}, \"{title}\")");
            await page.GotoAsync(form);
        }

        if (prepare is not null)
        {
            await prepare();
        }

        await page.FillAsync(field, refused.Text);
        await page.ClickAsync(button);
        var errors = await page.Locator(".nhsuk-error-summary").CountAsync();
        if (errors == 0)
        {
            _problems.Add($"{what}: {string.Join(", ", refused.Payloads)} was not refused (now at {page.Url})");
            await page.GotoAsync(form);
        }
        else
        {
            await CheckAsync(page, $"{what}, refused and shown again", Of(refused));
        }

        if (prepare is not null)
        {
            await prepare();
        }

        await page.FillAsync(field, accepted.Text);
        await page.ClickAsync(button);
        await page.WaitForLoadStateAsync(LoadState.Load);
        if (await page.Locator(".nhsuk-error-summary").CountAsync() > 0)
        {
            _problems.Add($"{what}: {string.Join(", ", accepted.Payloads)} was refused: {await page.InnerTextAsync(".nhsuk-error-summary")}");
            return;
        }

        await CheckAsync(page, $"{what}, saved", []);
        await ViewAsync(page, shownOn, $"{what}, shown after saving", Of(accepted).Concat(also ?? []));
    }

    /// <summary>Downloads a document of the results as HTML and as Markdown (<see cref="DocumentAsync(IPage, string, string, string, IEnumerable{Shown})"/>).</summary>
    private Task DocumentAsync(IPage page, string url, string what, IEnumerable<Shown> shown) =>
        DocumentAsync(page, url + "&format=html", url + "&format=md", what, shown);

    /// <summary>Downloads a document as HTML and as Markdown: the HTML opened in the browser, the Markdown read for HTML and links.</summary>
    private async Task DocumentAsync(IPage page, string htmlUrl, string markdownUrl, string what, IEnumerable<Shown> shown)
    {
        var expected = shown.ToList();
        var html = await page.APIRequest.GetAsync(htmlUrl);
        if (!html.Ok)
        {
            _problems.Add($"{what}: the HTML download answered {html.Status}");
            return;
        }

        var view = await BlankPageAsync();
        await view.SetContentAsync(await html.TextAsync());
        await CheckAsync(view, what + " (HTML)", expected);

        var markdown = await page.APIRequest.GetAsync(markdownUrl);
        if (!markdown.Ok)
        {
            _problems.Add($"{what}: the Markdown download answered {markdown.Status}");
        }

        var text = await markdown.TextAsync();
        foreach (var problem in MarkdownProblems(text))
        {
            _problems.Add($"{what} (Markdown): {problem}");
        }

        // As the toolkit's own Markdown pipeline renders it, in the browser.
        await view.SetContentAsync("<!DOCTYPE html><html><head><title>Markdown</title></head><body>" + SafeMarkdown.ToHtml(text) + "</body></html>");
        await CheckAsync(view, what + " (Markdown rendered)", expected);
        await view.Context.CloseAsync();
    }

    /// <summary>
    /// What is live in Markdown as any renderer would read it (CommonMark with raw HTML allowed and
    /// GitHub's tables): raw HTML, links and images to anything but http, https, mailto or the
    /// document itself, and autolinks.
    /// </summary>
    private static IEnumerable<string> MarkdownProblems(string markdown)
    {
        var pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().Build();
        var document = Markdown.Parse(markdown, pipeline);
        foreach (var block in document.Descendants<HtmlBlock>())
        {
            yield return $"raw HTML block at line {block.Line + 1}: {string.Join(" ", block.Lines.Lines.Take(block.Lines.Count).Select(l => l.ToString()))}";
        }

        foreach (var inline in document.Descendants<HtmlInline>())
        {
            yield return $"raw HTML at line {inline.Line + 1}: {inline.Tag}";
        }

        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!SafeMarkdown.IsSafeUrl(link.Url) || (link.Url ?? string.Empty).Contains("script:", StringComparison.OrdinalIgnoreCase))
            {
                yield return $"a live {(link.IsImage ? "image" : "link")} at line {link.Line + 1}: {link.Url}";
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            yield return $"an autolink at line {autolink.Line + 1}: {autolink.Url}";
        }

        if (markdown.Contains("<script", StringComparison.OrdinalIgnoreCase) && !markdown.Contains("\\<script", StringComparison.OrdinalIgnoreCase))
        {
            yield return "an unescaped <script";
        }
    }

    /// <summary>Opens the page and checks it (<see cref="CheckAsync"/>).</summary>
    private async Task ViewAsync(IPage page, string url, string what, IEnumerable<Shown> shown)
    {
        var response = await page.GotoAsync(url);
        if (response is null || response.Status != 200)
        {
            _problems.Add($"{what}: {url} answered {response?.Status}");
            return;
        }

        await CheckAsync(page, what, shown);
    }

    /// <summary>
    /// Fails (later, with every other problem) on anything that ran or was made from a payload
    /// on the page as it is now, and on any payload expected there whose text is not shown.
    /// </summary>
    private async Task CheckAsync(IPage page, string what, IEnumerable<Shown> shown)
    {
        _views++;
        var found = await page.EvaluateAsync<JsonElement>(Inspect);
        foreach (var problem in found.GetProperty("problems").EnumerateArray())
        {
            _problems.Add($"{what}: {problem.GetString()}");
        }

        var violations = PolicyViolations(page);
        foreach (var violation in violations.Skip(_violationsSeen.GetValueOrDefault(page)))
        {
            _problems.Add($"{what}: {violation}");
        }

        _violationsSeen[page] = violations.Count;

        var text = XssCorpus.Visible(found.GetProperty("text").GetString() ?? string.Empty);
        foreach (var missing in shown.Where(s => !text.Contains(XssCorpus.Visible(s.Text), StringComparison.Ordinal)).Select(s => s.Name).Distinct())
        {
            _problems.Add($"{what}: the payload \"{missing}\" is not shown as text");
        }
    }

    /// <summary>
    /// A page of its own for documents set as its content: the trap installed in its blank
    /// document now (an init script runs only on the documents that follow) and on any after.
    /// Dialogs are dismissed; the trap records them.
    /// </summary>
    private async Task<IPage> BlankPageAsync()
    {
        var page = await NewPageAsync();
        await page.AddInitScriptAsync(Trap);
        await page.EvaluateAsync(Trap);
        page.Dialog += async (_, dialog) => await dialog.DismissAsync();
        return page;
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        if (_signedIn.TryGetValue(email, out var signedIn))
        {
            return signedIn;
        }

        var page = await NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.AddInitScriptAsync(Trap);
        page.Dialog += async (_, dialog) =>
        {
            _problems.Add($"a dialog opened on {page.Url}: {dialog.Message}");
            await dialog.DismissAsync();
        };
        await page.GotoAsync(BaseUrl + "/account/sign-in");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", TestAccounts.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("sign-in", StringComparison.Ordinal));
        _signedIn[email] = page;
        return page;
    }

    private bool _accounts;

    /// <summary>The owner, two evaluators, two moderators and an observer, once for the fixture's site.</summary>
    private async Task AccountsAsync()
    {
        if (_accounts)
        {
            return;
        }

        await TestAccounts.CreateAsync(Site, OwnerEmail, roles: [SiteRoles.Commissioner], organisation: "North ICS", displayName: "Olive Owner");
        await TestAccounts.CreateAsync(Site, AlexEmail, organisation: "North ICS", displayName: "Alex Morgan");
        await TestAccounts.CreateAsync(Site, SamEmail, organisation: "North ICS", displayName: "Sam Okonkwo");
        await TestAccounts.CreateAsync(Site, RobinEmail, organisation: "North ICS", displayName: "Robin Hale");
        await TestAccounts.CreateAsync(Site, KimEmail, organisation: "North ICS", displayName: "Kim Patel");
        await TestAccounts.CreateAsync(Site, OluEmail, organisation: "North ICS", displayName: "Olu Observer");
        _accounts = true;
    }

    private async Task<SiteUser> UserAsync(string email) => await ModerationTender.UserAsync(Site, email);

    /// <summary>Imports the pack as the owner and gives the roles: Alex e1 and Sam e2 on every lot, Robin m1 on lot 1, Kim m2 on lot 2, Olu observer.</summary>
    private static async Task<Guid> ImportAsync(TenderCalls calls, SiteUser owner, TenderPack pack)
    {
        var imported = await calls.ImportAsync(owner, TenderFile.Write(pack));
        Assert.That(imported.Errors.Select(e => e.Message), Is.Empty, "the tender imports");
        var id = imported.Value;
        Succeeds(await calls.AddPersonAsync(owner, id, AlexEmail, TenderRole.Evaluator, "e1", [], null), "e1");
        Succeeds(await calls.AddPersonAsync(owner, id, SamEmail, TenderRole.Evaluator, "e2", [], null), "e2");
        Succeeds(await calls.AddPersonAsync(owner, id, RobinEmail, TenderRole.Moderator, "m1", [new LotScope("lot-1", null)], null), "m1");
        Succeeds(await calls.AddPersonAsync(owner, id, KimEmail, TenderRole.Moderator, "m2", [new LotScope("lot-2", null)], null), "m2");
        Succeeds(await calls.AddPersonAsync(owner, id, OluEmail, TenderRole.Observer, null, [], null), "observer");
        return id;
    }

    private static string BidId(string lot, int index) => $"{lot}-bid-{index + 1:00}";

    /// <summary>
    /// A tender of two lots (the sample's lot, with a second panel gate G3 and no minimum
    /// thresholds), <paramref name="bidsPerLot"/> bids in each, the first priced far below the
    /// others (flagged as possibly abnormally low), Alex (e1) and Sam (e2) scoring everything,
    /// Robin (m1) and Kim (m2) moderating a lot each. No scores or decisions.
    /// </summary>
    private static TenderPack Pack(int bidsPerLot)
    {
        var sample = SamplePack.Create();
        var lotOne = sample.Tender.Lots[0] with
        {
            MinimumQualityPercent = null,
            Gates = [.. sample.Tender.Lots[0].Gates, new() { Id = "G3", Title = "Safeguarding", Description = "Decided by the panel." }],
            Sections = [.. sample.Tender.Lots[0].Sections.Select(s => s with { MinimumPercent = null, Questions = [.. s.Questions.Select(q => q with { MinimumScore = null })] })],
        };
        var lots = new[] { lotOne, lotOne with { Id = "lot-2", Title = "Primary care" } };
        var template = sample.Bids[0];
        var bids = lots.SelectMany(lot => Enumerable.Range(0, bidsPerLot).Select(k => template with
        {
            Id = BidId(lot.Id, k),
            LotId = lot.Id,
            Provider = $"Provider {k + 1} of {lot.Title}",
            Declarations = template.Declarations with { Seqohs = SeqohsStatus.Accredited },
            Price = k == 0
                ? new() { AnnualPrices = [150_000m, 150_000m], ExtensionPrices = [150_000m] }
                : new() { AnnualPrices = [400_000m + (40_000m * k), 410_000m + (40_000m * k)], ExtensionPrices = [420_000m + (40_000m * k)] },
            Answers = [new() { QuestionId = "Q1", Text = "We run clinics.\nEvery week, on site." }, new() { QuestionId = "Q3", Text = "Two apprentices & a nurse." }],
        })).ToList();
        return new TenderPack
        {
            Tender = sample.Tender with
            {
                Title = "Occupational health for the corpus",
                Lots = lots,
                Evaluators = [new() { Id = "e1", Name = "Alex" }, new() { Id = "e2", Name = "Sam" }, new() { Id = "m1", Name = "Robin" }, new() { Id = "m2", Name = "Kim" }],
                Assignments = [.. lots.SelectMany(l => new[] { new Assignment { EvaluatorId = "e1", LotId = l.Id }, new Assignment { EvaluatorId = "e2", LotId = l.Id } })],
            },
            Bids = bids,
        };
    }

    private static async Task MoveAsync(TenderCalls calls, SiteUser owner, Guid id, TenderStage to, string? reason = null)
    {
        var version = (await calls.OpenAsync(owner, id))!.Tender.Version;
        Succeeds(await calls.ChangeStageAsync(owner, id, to, reason, version), $"moving to {to}");
    }

    private static void Succeeds<T>(Outcome<T> outcome, string what) =>
        Assert.That(outcome.Succeeded, Is.True, () => $"{what}: {string.Join(" ", outcome.Errors.Select(e => e.Message))}");

    private static void Progress(Stopwatch clock, string step) =>
        TestContext.Progress.WriteLine($"  {clock.Elapsed.TotalSeconds,6:0.0} s  {step}");
}
