using Commissioning.Core.Lifecycle;
using Commissioning.Core.Tenders;

namespace Commissioning.Application.Tenders;

/// <summary>Something a person may want to do with a tender; <see cref="TenderPermissions.Allows"/> says whether they may.</summary>
public enum TenderOperation
{
    /// <summary>See that the tender exists: its title, stage and dates.</summary>
    View,
    /// <summary>See who has which role on the tender.</summary>
    ViewPeople,
    /// <summary>Give and take away roles, link bids to provider organisations, and change the tender's settings.</summary>
    ManagePeople,
    /// <summary>Move the tender to another stage.</summary>
    ChangeStage,
    /// <summary>Read the tender's audit trail, and export it.</summary>
    ViewAudit,
    /// <summary>Export the whole tender as an <c>oh-tender</c> file (every bid, price and score).</summary>
    Export,
    /// <summary>See scores: which ones depends on the role (<see cref="TenderPermissions.MaySeeScore"/>).</summary>
    ViewScores,
    /// <summary>Save and submit one's own scores.</summary>
    Score,
    /// <summary>Record consensus scores on the lots moderated.</summary>
    Moderate,
    /// <summary>
    /// See the evaluation's results (ranking, totals, charts, downloads): owners and observers
    /// whenever there is a result to see; evaluators and moderators once moderation has ended, so
    /// that no one's scoring or moderating is swayed by where a bid stands.
    /// </summary>
    ViewResults,
    /// <summary>Record gate and abnormally low price decisions: the owner on any lot, a moderator on the lots they moderate (<see cref="TenderPermissions.MayDecideOn"/>).</summary>
    Decide,
    /// <summary>Set up a draft tender in the site: its details, members, lots, criteria, gates, scale, price and people. The owner only.</summary>
    SetUp,
    /// <summary>Receive bids: download the response workbooks, upload filled ones, enter a bid by hand. The owner only.</summary>
    ReceiveBids,
    /// <summary>Respond to the tender: a provider organisation invited to bid downloads the response workbooks and uploads its own.</summary>
    SubmitBid,
}

/// <summary>
/// What one person may do on one tender, worked out from their roles on it (owner, evaluator,
/// moderator, observer), the lots and sections each role covers, and, for a provider's account,
/// which bids are their organisation's. Pure: the caller loads the rows; this only decides.
/// </summary>
public sealed class TenderPermissions
{
    private readonly IReadOnlyList<RoleOnTender> _roles;
    private readonly IReadOnlySet<string> _ownBids;
    private readonly bool _invited;

    /// <summary>
    /// Works out the permissions. <paramref name="roles"/> are this person's memberships of this
    /// tender only; <paramref name="invited"/> says whether their provider organisation is invited to bid.
    /// </summary>
    public TenderPermissions(TenderSummary tender, SiteUser user, IReadOnlyList<RoleOnTender> roles, IReadOnlySet<string> ownBids, bool evaluatorsSeePrices, bool invited = false)
    {
        ArgumentNullException.ThrowIfNull(tender);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(ownBids);
        Tender = tender;
        User = user;
        _roles = roles;
        _ownBids = ownBids;
        // An invitation shows the tender from publication on: a draft is the buyer's alone.
        _invited = invited && user.IsProvider && tender.Stage != TenderStage.Draft;
        EvaluatorsSeePrices = evaluatorsSeePrices;
        EvaluatorKeys = KeysOf(roles, TenderRole.Evaluator);
        ModeratorKeys = KeysOf(roles, TenderRole.Moderator);
    }

    private static string[] KeysOf(IReadOnlyList<RoleOnTender> roles, TenderRole role) =>
        [.. roles.Where(r => r.Role == role && r.EvaluatorId is not null).Select(r => r.EvaluatorId!).Distinct(StringComparer.Ordinal)];

    /// <summary>The tender.</summary>
    public TenderSummary Tender { get; }

    /// <summary>Who is asking.</summary>
    public SiteUser User { get; }

    /// <summary>
    /// False (the default) when the tender keeps prices from its evaluators and moderators, so
    /// that quality is scored without knowing the price. The toolkit's judgement: the sources do
    /// not require it, but it is how a buyer shows the quality scores were not swayed by price.
    /// </summary>
    public bool EvaluatorsSeePrices { get; }

    /// <summary>This person's roles on the tender.</summary>
    public IReadOnlyList<RoleOnTender> Roles => _roles;

    /// <summary>The bids, by id, that this person's provider organisation submitted (empty for everyone else).</summary>
    public IReadOnlySet<string> OwnBids => _ownBids;

    /// <summary>Holds the owner (commissioner) role.</summary>
    public bool IsOwner => Has(TenderRole.Owner);

    /// <summary>Holds the observer (read everything) role.</summary>
    public bool IsObserver => Has(TenderRole.Observer);

    /// <summary>Sees the whole tender: an owner or an observer.</summary>
    public bool SeesEverything => IsOwner || IsObserver;

    /// <summary>Has no role on the tender and sees it only because their organisation bid or is invited to.</summary>
    public bool IsBidderOnly => _roles.Count == 0 && (_ownBids.Count > 0 || _invited);

    /// <summary>A provider's account whose organisation is invited to bid.</summary>
    public bool IsInvited => _invited;

    /// <summary>The evaluator ids in the tender that are this person's own scoring identities.</summary>
    public IReadOnlyList<string> EvaluatorKeys { get; }

    /// <summary>The moderator ids in the tender that are this person's.</summary>
    public IReadOnlyList<string> ModeratorKeys { get; }

    /// <summary>Whether the person may do <paramref name="operation"/> on this tender at all.</summary>
    public bool Allows(TenderOperation operation) => operation switch
    {
        TenderOperation.View => _roles.Count > 0 || _ownBids.Count > 0 || _invited,
        TenderOperation.SubmitBid => _invited,
        TenderOperation.ViewPeople => SeesEverything,
        TenderOperation.ManagePeople or TenderOperation.ChangeStage or TenderOperation.SetUp or TenderOperation.ReceiveBids => IsOwner,
        TenderOperation.Decide => IsOwner || Has(TenderRole.Moderator),
        TenderOperation.ViewResults => SeesEverything
            || ((Has(TenderRole.Evaluator) || Has(TenderRole.Moderator)) && Tender.Stage is >= TenderStage.AwardRecommended and not TenderStage.Cancelled),
        TenderOperation.ViewAudit or TenderOperation.Export => SeesEverything,
        TenderOperation.ViewScores => SeesEverything || Has(TenderRole.Evaluator) || Has(TenderRole.Moderator),
        TenderOperation.Score => Has(TenderRole.Evaluator),
        TenderOperation.Moderate => Has(TenderRole.Moderator),
        _ => false,
    };

    /// <summary>
    /// Whether the person may see a bid: owners and observers see every bid; evaluators and
    /// moderators the bids of the lots they cover; a provider's account its own organisation's bids.
    /// </summary>
    public bool MaySeeBid(string bidId, string lotId) =>
        SeesEverything || _ownBids.Contains(bidId)
        || Covers(TenderRole.Evaluator, lotId, null, anySection: true) || Covers(TenderRole.Moderator, lotId, null, anySection: true);

    /// <summary>
    /// Whether the person may see a bid's prices: owners, observers, and the bidder itself always;
    /// evaluators and moderators only when the tender lets them (<see cref="EvaluatorsSeePrices"/>).
    /// </summary>
    public bool MaySeePrices(string bidId, string lotId) =>
        SeesEverything || _ownBids.Contains(bidId) || (EvaluatorsSeePrices && MaySeeBid(bidId, lotId));

    /// <summary>
    /// Whether the person may see one evaluator's score. Owners and observers see every score; a
    /// moderator every score on the lots (or sections) they moderate; an evaluator their own
    /// scores, and other evaluators' submitted scores on what they cover only once they have
    /// submitted their own (<paramref name="ownScoresSubmitted"/>): blind scoring.
    /// </summary>
    /// <param name="score">The score.</param>
    /// <param name="submitted">Whether that score has been submitted.</param>
    /// <param name="lotId">The lot of the bid scored.</param>
    /// <param name="sectionId">The section of the question scored.</param>
    /// <param name="ownScoresSubmitted">This person has scores on the tender and has submitted every one of them.</param>
    public bool MaySeeScore(EvaluatorScore score, bool submitted, string lotId, string sectionId, bool ownScoresSubmitted)
    {
        ArgumentNullException.ThrowIfNull(score);
        if (SeesEverything || Covers(TenderRole.Moderator, lotId, sectionId, anySection: false))
        {
            return true;
        }

        if (EvaluatorKeys.Contains(score.EvaluatorId, StringComparer.Ordinal))
        {
            return true;
        }

        return ownScoresSubmitted && submitted && Covers(TenderRole.Evaluator, lotId, sectionId, anySection: false);
    }

    /// <summary>Whether the person may save a score as <paramref name="evaluatorId"/> on a question of a lot's section.</summary>
    public bool MayScoreAs(string evaluatorId, string lotId, string sectionId) =>
        _roles.Any(r => r.Role == TenderRole.Evaluator && r.EvaluatorId == evaluatorId && ScopeCovers(r, lotId, sectionId, anySection: false));

    /// <summary>Whether the person may record a consensus score as <paramref name="moderatorId"/> on a question of a lot's section.</summary>
    public bool MayModerateAs(string moderatorId, string lotId, string sectionId) =>
        _roles.Any(r => r.Role == TenderRole.Moderator && r.EvaluatorId == moderatorId && ScopeCovers(r, lotId, sectionId, anySection: false));

    /// <summary>Whether the person may record gate and price decisions on a bid of this lot: the owner, or a moderator of the lot.</summary>
    public bool MayDecideOn(string lotId) => IsOwner || Covers(TenderRole.Moderator, lotId, null, anySection: true);

    private bool Has(TenderRole role) => _roles.Any(r => r.Role == role);

    private bool Covers(TenderRole role, string lotId, string? sectionId, bool anySection) =>
        _roles.Any(r => r.Role == role && ScopeCovers(r, lotId, sectionId, anySection));

    /// <summary>No scope rows means the whole tender; a lot row covers all its sections; a section row covers that section (and, for seeing bids, its lot).</summary>
    private static bool ScopeCovers(RoleOnTender role, string lotId, string? sectionId, bool anySection) =>
        role.Scope.Count == 0 || role.Scope.Any(s => s.LotId == lotId && (s.SectionId is null || anySection || s.SectionId == sectionId));
}
