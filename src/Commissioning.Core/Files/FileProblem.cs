namespace Commissioning.Core.Files;

/// <summary>One reason a file could not be read, with the place in the file it concerns.</summary>
/// <param name="Path">
/// The JSON path of the place, such as <c>$.bids[2].price.annualPrices[0]</c>; <c>$</c> is the
/// whole file.
/// </param>
/// <param name="Message">What is wrong, in plain English, naming the place.</param>
public sealed record FileProblem(string Path, string Message);
