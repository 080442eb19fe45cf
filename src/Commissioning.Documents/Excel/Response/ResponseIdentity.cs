using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Commissioning.Core.Files;
using Commissioning.Core.Tenders;

namespace Commissioning.Documents.Excel.Response;

/// <summary>
/// The key that signs a response workbook's identity. Where it comes from decides what the
/// signature protects against; see docs/response-workbook.md.
/// </summary>
public sealed class ResponseWorkbookKey
{
    private const string DerivationLabel = "oh-response-workbook key, derived from the tender's content for one lot\n";
    private readonly byte[] _key;

    private ResponseWorkbookKey(byte[] key) => _key = key;

    /// <summary>Whether the key was derived from the tender rather than given as a secret.</summary>
    public bool Derived { get; private init; }

    /// <summary>
    /// A key held as a secret by whoever exports and imports (the site keeps one in its
    /// configuration, outside the database). Without the secret, nobody can make a valid identity.
    /// </summary>
    /// <exception cref="ArgumentException">The secret is shorter than 32 bytes.</exception>
    public static ResponseWorkbookKey FromSecret(ReadOnlySpan<byte> secret) =>
        secret.Length >= 32 ? new ResponseWorkbookKey(secret.ToArray()) : throw new ArgumentException("A workbook signing key needs at least 32 bytes.", nameof(secret));

    /// <summary>
    /// A key derived from the tender's content for the lot (the command line's key: it has nowhere
    /// to keep a secret). It detects a workbook for another tender or lot, and a hidden identity
    /// edited by hand; anyone holding the tender file and this toolkit can compute it, so it is
    /// not a secret and proves nothing about who filled the workbook in.
    /// </summary>
    public static ResponseWorkbookKey DerivedFrom(Tender tender, string lotId)
    {
        var content = ResponseIdentity.LotContent(tender, lotId);
        var key = SHA256.HashData(Encoding.UTF8.GetBytes(DerivationLabel + content));
        return new ResponseWorkbookKey(key) { Derived = true };
    }

    internal string Sign(string payload) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(payload)));
}

/// <summary>
/// The identity a response workbook carries on its very hidden sheet: which tender (reference,
/// title and a hash of the lot's content) and lot it was made for, and the workbook's format
/// version, signed with an HMAC so that an edited value is found.
/// </summary>
/// <param name="Format">Always <see cref="FormatName"/>.</param>
/// <param name="Version">The workbook's format version.</param>
/// <param name="TenderReference">The tender's reference ("" when it has none).</param>
/// <param name="TenderTitle">The tender's title.</param>
/// <param name="LotId">The lot.</param>
/// <param name="ContentHash">SHA-256 of the tender's content for the lot, in lower-case hex.</param>
public sealed record ResponseIdentity(string Format, int Version, string TenderReference, string TenderTitle, string LotId, string ContentHash)
{
    /// <summary>The name every response workbook's identity gives as its format.</summary>
    public const string FormatName = "oh-response-workbook";

    /// <summary>The format version this toolkit writes and reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The identity of a new workbook for a lot of a tender.</summary>
    public static ResponseIdentity For(Tender tender, string lotId, int version = CurrentVersion)
    {
        ArgumentNullException.ThrowIfNull(tender);
        return new(FormatName, version, tender.Reference ?? string.Empty, tender.Title, lotId, Hash(tender, lotId));
    }

    /// <summary>
    /// The hash of what the workbook depends on: the tender written as an oh-tender file with only
    /// this lot, and without evaluators, assignments or bids, so that adding bids, scores or
    /// evaluators, or changing another lot, does not invalidate workbooks already sent out.
    /// </summary>
    public static string Hash(Tender tender, string lotId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(LotContent(tender, lotId))));

    internal static string LotContent(Tender tender, string lotId)
    {
        ArgumentNullException.ThrowIfNull(tender);
        var lot = tender.FindLot(lotId) ?? throw new ArgumentException($"The tender has no lot '{lotId}'.", nameof(lotId));
        return TenderFile.Write(new TenderPack { Tender = tender with { Lots = [lot], Evaluators = [], Assignments = [] } });
    }

    /// <summary>The text the signature is made over: every field, one a line.</summary>
    public string Payload() => string.Join('\n', Format, Version.ToString(CultureInfo.InvariantCulture), TenderReference, TenderTitle, LotId, ContentHash);

    /// <summary>The signature of this identity under a key.</summary>
    public string Signature(ResponseWorkbookKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Sign(Payload());
    }

    /// <summary>Whether <paramref name="signature"/> is this identity's under <paramref name="key"/>, compared in constant time.</summary>
    public bool Verify(ResponseWorkbookKey key, string signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var expected = Encoding.ASCII.GetBytes(Signature(key));
        var given = Encoding.UTF8.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
