namespace Commissioning.Tests.Components;

/// <summary>The HTML comparison the fixture tests rely on: it ignores what HTML ignores and catches the rest.</summary>
[TestFixture]
public sealed class HtmlAssertTests
{
    private const string Expected = "<div class=\"a b\" id=\"x\">\n  <span>Error: </span>Enter a name\n  <input type=\"text\" disabled>\n</div>";

    [TestCase("<div id=\"x\" class=\"b a\"><span>Error: </span>Enter a name<input disabled type=\"text\"></div>", TestName = "Differences_AttributeAndClassOrderAndIndentation_AreIgnored")]
    [TestCase("<div class=\"a b\" id=\"x\"><span>Error:</span> Enter a name <input type=\"text\" disabled=\"\"></div>", TestName = "Differences_WhitespaceAtTheEdgesOfText_IsIgnored")]
    public void Same(string actual) =>
        Assert.That(HtmlAssert.Differences(Expected, actual), Is.Empty);

    [TestCase("<div class=\"a b\" id=\"y\"><span>Error: </span>Enter a name<input type=\"text\" disabled></div>", TestName = "Differences_AnotherAttributeValue_IsFound")]
    [TestCase("<div class=\"a\" id=\"x\"><span>Error: </span>Enter a name<input type=\"text\" disabled></div>", TestName = "Differences_AMissingClass_IsFound")]
    [TestCase("<div class=\"a b\" id=\"x\"><span>Error: </span>Enter the name<input type=\"text\" disabled></div>", TestName = "Differences_OtherText_IsFound")]
    [TestCase("<div class=\"a b\" id=\"x\"><span>Error: </span>Enter a name<input type=\"text\"></div>", TestName = "Differences_AMissingBooleanAttribute_IsFound")]
    [TestCase("<div class=\"a b\" id=\"x\"><span>Error: </span>Enter a name<input type=\"text\" disabled aria-describedby=\"x-error\"></div>", TestName = "Differences_AnExtraAttribute_IsFound")]
    [TestCase("<div class=\"a b\" id=\"x\"><span>Error: </span>Enter a name<input type=\"text\" disabled><p></p></div>", TestName = "Differences_AnExtraElement_IsFound")]
    [TestCase("<div class=\"a b\" id=\"x\">Enter a name<input type=\"text\" disabled></div>", TestName = "Differences_AMissingElement_IsFound")]
    public void Different(string actual) =>
        Assert.That(HtmlAssert.Differences(Expected, actual), Is.Not.Empty);
}
