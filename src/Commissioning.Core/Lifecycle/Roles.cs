namespace Commissioning.Core.Lifecycle;

/// <summary>Whether an organisation buys OH services or provides them.</summary>
public enum OrganisationKind
{
    /// <summary>An NHS organisation or group that buys (an ICS, a trust, a GP practice).</summary>
    Buyer,
    /// <summary>An OH provider that bids.</summary>
    Provider,
}

/// <summary>What a person may do on one tender.</summary>
public enum TenderRole
{
    /// <summary>The commissioner who runs the tender.</summary>
    Owner,
    /// <summary>Scores bids on the lots or sections assigned.</summary>
    Evaluator,
    /// <summary>Records consensus scores for the lots moderated; sees every score of them.</summary>
    Moderator,
    /// <summary>Reads everything, changes nothing (for example an auditor).</summary>
    Observer,
}
