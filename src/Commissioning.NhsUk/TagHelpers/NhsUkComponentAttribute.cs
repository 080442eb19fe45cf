namespace Commissioning.NhsUk.TagHelpers;

/// <summary>
/// Names the design-system component a tag helper draws (its fixture file's name), so a test can
/// check that every tag helper's component is compared against the design system's fixtures.
/// </summary>
/// <param name="component">The component's name, such as <c>input</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NhsUkComponentAttribute(string component) : Attribute
{
    /// <summary>The component's name.</summary>
    public string Component { get; } = component;
}
